# bash completion for pactum (installed as share/bash-completion/completions/pactum).
# tests/install/check_install.py checks that every option of `pactum COMMAND --help` is here.
_pactum() {
  local cur prev cmd i
  COMPREPLY=()
  cur=${COMP_WORDS[COMP_CWORD]}
  prev=${COMP_WORDS[COMP_CWORD-1]}
  local commands="check lint fmt explain init test lsp merge"
  local common="-q --quiet --color -h --help"
  cmd=""
  for ((i = 1; i < COMP_CWORD; i++)); do
    case ${COMP_WORDS[i]} in
      check|lint|fmt|explain|init|test|lsp|merge) cmd=${COMP_WORDS[i]}; break ;;
    esac
  done

  case $prev in
    --format) COMPREPLY=($(compgen -W "text json junit sarif github markdown html gitlab" -- "$cur")); return ;;
    --fail-on) COMPREPLY=($(compgen -W "never critical major minor error warning" -- "$cur")); return ;;
    --severity) COMPREPLY=($(compgen -W "critical major minor" -- "$cur")); return ;;
    --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
    --reader) COMPREPLY=($(compgen -W "libyaml yaml-cpp" -- "$cur")); return ;;
    --template) COMPREPLY=($(compgen -W "$(pactum init --list 2>/dev/null | cut -d' ' -f1)" -- "$cur")); return ;;
    --code) COMPREPLY=($(compgen -W "$(pactum explain --list 2>/dev/null | sed -n 's/^  \([a-z-]*\) .*/\1/p')" -- "$cur")); return ;;
    --as-of|--today|--due-within|--slice|--party|--term|--clause|--client|--provider|--name) return ;;
    -o|--output|--waivers|--baseline|--write-baseline|--root) COMPREPLY=($(compgen -f -- "$cur")); return ;;
  esac

  local opts
  case $cmd in
    "") COMPREPLY=($(compgen -W "$commands $common --version" -- "$cur")); return ;;
    check) opts="--as-of --reader --threads --waivers --baseline --write-baseline --strict-baseline --today --party --term --clause --severity --due-within --slice --root --format --fail-on -o --output" ;;
    lint) opts="--root --format --fail-on -o --output" ;;
    fmt) opts="--check -w --write" ;;
    explain) opts="--code --list" ;;
    init) opts="--template --client --provider --name -o --output --force --list" ;;
    test) opts="--root --coverage --format" ;;
    lsp) opts="" ;;
    merge) opts="--format --fail-on -o --output" ;;
  esac
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$opts $common" -- "$cur"))
  else
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
}
complete -o filenames -F _pactum pactum
