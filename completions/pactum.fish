# fish completion for pactum (installed as share/fish/vendor_completions.d/pactum.fish).
# tests/install/check_install.py checks that every option of `pactum COMMAND --help` is here.
set -l commands check lint fmt explain init test lsp merge
complete -c pactum -f
complete -c pactum -n "not __fish_seen_subcommand_from $commands" -a check -d 'Check event logs against an agreement'
complete -c pactum -n "not __fish_seen_subcommand_from $commands" -a lint -d 'Find unreasonable expectations in an agreement'
complete -c pactum -n "not __fish_seen_subcommand_from $commands" -a fmt -d 'Print agreements in canonical layout'
complete -c pactum -n "not __fish_seen_subcommand_from $commands" -a explain -d 'Explain an agreement or a code'
complete -c pactum -n "not __fish_seen_subcommand_from $commands" -a init -d 'Start an agreement from a template'
complete -c pactum -n "not __fish_seen_subcommand_from $commands" -a test -d 'Run rule tests'
complete -c pactum -n "not __fish_seen_subcommand_from $commands" -a lsp -d 'Run the language server'
complete -c pactum -n "not __fish_seen_subcommand_from $commands" -a merge -d 'Put the JSON parts of a sliced check together'
complete -c pactum -n "not __fish_seen_subcommand_from $commands" -l version -d 'Print the version'

# Every command
complete -c pactum -s q -l quiet -d 'Nothing on standard output but what a machine reads'
complete -c pactum -l color -x -a 'auto always never' -d 'Colours'
complete -c pactum -s h -l help -d 'Print the options'

# check and lint
complete -c pactum -n '__fish_seen_subcommand_from check lint merge' -l format -x -a 'text json junit sarif github markdown html gitlab' -d 'Report format'
complete -c pactum -n '__fish_seen_subcommand_from check lint merge' -l fail-on -x -a 'never critical major minor error warning' -d 'Exit 1 at or above this level'
complete -c pactum -n '__fish_seen_subcommand_from check lint merge' -s o -l output -r -F -d 'Report file, or FORMAT=FILE'
complete -c pactum -n '__fish_seen_subcommand_from check lint fmt merge' -F

# check
complete -c pactum -n '__fish_seen_subcommand_from check' -l as-of -x -d 'Judge the state as of this date-time'
complete -c pactum -n '__fish_seen_subcommand_from check' -l reader -x -a 'libyaml yaml-cpp' -d 'YAML reader'
complete -c pactum -n '__fish_seen_subcommand_from check' -l threads -x -d 'Threads that parse a large log'
complete -c pactum -n '__fish_seen_subcommand_from check' -l waivers -r -F -d 'Accepted exceptions'
complete -c pactum -n '__fish_seen_subcommand_from check' -l baseline -r -F -d 'Known findings'
complete -c pactum -n '__fish_seen_subcommand_from check' -l write-baseline -r -F -d 'Record the findings as a baseline'
complete -c pactum -n '__fish_seen_subcommand_from check' -l strict-baseline -d 'Fail when baseline entries no longer match'
complete -c pactum -n '__fish_seen_subcommand_from check' -l today -x -d 'The date waivers expire against'
complete -c pactum -n '__fish_seen_subcommand_from check' -l due-within -x -d 'List pending obligations due within SPAN (5d, 36h, 2w)'
complete -c pactum -n '__fish_seen_subcommand_from check' -l slice -x -d 'Evaluate only slice K/N; write a JSON part for pactum merge'
complete -c pactum -n '__fish_seen_subcommand_from check lint' -l root -r -a '(__fish_complete_directories)' -d 'CI paths relative to this folder'
complete -c pactum -n '__fish_seen_subcommand_from check' -l party -x -d 'Only findings of this responsible party'
complete -c pactum -n '__fish_seen_subcommand_from check' -l term -x -d 'Only findings of this term or expectation'
complete -c pactum -n '__fish_seen_subcommand_from check' -l clause -x -d 'Only findings of blocks with this clause'
complete -c pactum -n '__fish_seen_subcommand_from check' -l severity -x -a 'critical major minor' -d 'Only findings of these severities'

# fmt
complete -c pactum -n '__fish_seen_subcommand_from fmt' -l check -d 'Exit 1 when a file is not in canonical layout'
complete -c pactum -n '__fish_seen_subcommand_from fmt' -s w -l write -d 'Rewrite the files in place'

# explain
complete -c pactum -n '__fish_seen_subcommand_from explain' -l code -x -a '(pactum explain --list 2>/dev/null | string replace -rf "^  ([a-z-]+) .*" "\$1")' -d 'Explain this code'
complete -c pactum -n '__fish_seen_subcommand_from explain' -l list -d 'List the codes'
complete -c pactum -n '__fish_seen_subcommand_from explain' -F

# init
complete -c pactum -n '__fish_seen_subcommand_from init' -l template -x -a '(pactum init --list 2>/dev/null | string replace -rf "^(\S+) .*" "\$1")' -d 'The template'
complete -c pactum -n '__fish_seen_subcommand_from init' -l client -x -d 'The client party name'
complete -c pactum -n '__fish_seen_subcommand_from init' -l provider -x -d 'The provider party name'
complete -c pactum -n '__fish_seen_subcommand_from init' -l name -x -d 'The agreement title'
complete -c pactum -n '__fish_seen_subcommand_from init' -s o -l output -r -F -d 'Write the agreement to FILE'
complete -c pactum -n '__fish_seen_subcommand_from init' -l force -d 'Replace FILE when it exists'
complete -c pactum -n '__fish_seen_subcommand_from init' -l list -d 'List the templates'

# test
complete -c pactum -n '__fish_seen_subcommand_from test' -l root -r -a '(__fish_complete_directories)' -d 'The folder tree agreement: may reach'
complete -c pactum -n '__fish_seen_subcommand_from test' -l coverage -d 'Report which rules the cases activate'
complete -c pactum -n '__fish_seen_subcommand_from test' -l format -x -a 'text json' -d 'Output format'
complete -c pactum -n '__fish_seen_subcommand_from test' -F
