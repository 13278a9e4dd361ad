#!/usr/bin/env python3
"""`make install` as a user gets it: `cmake --install BUILD --prefix TMP`, then
- the binary, the man page and the bash, zsh and fish completions are where those tools look;
- the installed binary runs away from the source tree (`init` uses the templates embedded at
  build time; `lint` and `fmt --check` pass on what it wrote; `explain CODE` works);
- the man page renders without warnings and states the binary's version;
- every option that `pactum [COMMAND] --help` lists is named in the man page and in each
  completion, and each completion script is valid for its shell (zsh and fish: when installed).
Every failure says what differed. Usage: check_install.py CMAKE BUILD_DIR SOURCE_DIR
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

COMMANDS = [None, "check", "lint", "fmt", "explain", "init", "test", "lsp", "merge"]
FILES = {
    "binary": "bin/pactum",
    "man page": "share/man/man1/pactum.1",
    "bash completion": "share/bash-completion/completions/pactum",
    "zsh completion": "share/zsh/site-functions/_pactum",
    "fish completion": "share/fish/vendor_completions.d/pactum.fish",
}

failures = []


def fail(message):
    failures.append(message)
    print("FAIL " + message)


def run(args, **kw):
    return subprocess.run(args, capture_output=True, text=True, timeout=120, **kw)


def options_of(pactum, command):
    """The option names `--help` lists for a command (the top level when None)."""
    args = [pactum] + ([command] if command else []) + ["--help"]
    out = run(args).stdout
    section = out.split("Options:", 1)[1].split("Subcommands:", 1)[0]
    names = set()
    for line in section.splitlines():
        head = line.strip().split("  ")[0]  # the option column, before the description
        names.update(re.findall(r"(?<![\w-])(--?[A-Za-z][\w-]*)", head.split(" TEXT")[0].split(" Excludes")[0]))
    return names


def main(cmake, build, source):
    prefix = tempfile.mkdtemp(prefix="pactum-install-")
    work = tempfile.mkdtemp(prefix="pactum-install-run-")
    try:
        proc = run([cmake, "--install", build, "--prefix", prefix])
        if proc.returncode != 0:
            fail(f"cmake --install exited {proc.returncode}: {proc.stderr}")
            return 1
        for what, path in FILES.items():
            if not os.path.isfile(os.path.join(prefix, path)):
                fail(f"{what} not installed at PREFIX/{path}")
        pactum = os.path.join(prefix, FILES["binary"])
        if not os.access(pactum, os.X_OK):
            fail("the installed binary is not executable")
            return 1
        texts = {what: open(os.path.join(prefix, path)).read() for what, path in FILES.items() if what != "binary"}

        # The installed binary, run from a folder outside the source tree.
        version = run([pactum, "--version"]).stdout.strip()
        if not re.fullmatch(r"pactum \d+\.\d+\.\d+", version):
            fail(f"--version printed {version!r}")
        th = re.search(r'^\.TH PACTUM 1 "[^"]*" "([^"]*)"', texts["man page"], re.M)
        if not th or th.group(1) != version:
            fail(f"the man page's .TH names {th.group(1) if th else 'no version'!r}, the binary is {version!r}")
        steps = [
            ["init", "--template", "it-service-desk", "--client", "Hospital", "--provider", "Kestrel", "-o", "a.terms"],
            ["lint", "a.terms"],
            ["fmt", "--check", "a.terms"],
            ["explain", "unknown-party"],
            ["check", "a.terms", "-", "--as-of", "2026-02-01", "--quiet", "--format", "json", "--party", "Kestrel"],
        ]
        for step in steps:
            p = run([pactum] + step, cwd=work, input="events: []\n")
            if p.returncode != 0 and not (step[0] == "check" and p.returncode == 1 and p.stdout.startswith("{")):
                fail(f"installed `pactum {' '.join(step)}` exited {p.returncode}: {p.stderr.strip()}")

        # The man page renders cleanly.
        if shutil.which("groff"):
            p = run(["groff", "-man", "-Tutf8", "-ww", "-z", os.path.join(prefix, FILES["man page"])])
            if p.returncode != 0 or p.stderr.strip():
                fail(f"groff warns about the man page: {p.stderr.strip()}")

        # Every option of every command is documented and completed.
        man = texts["man page"].replace("\\-", "-")
        for command in COMMANDS:
            for option in sorted(options_of(pactum, command)):
                where = f"`pactum {command + ' ' if command else ''}{option}`"
                if not re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", man):
                    fail(f"{where} is not in the man page (docs/pactum.1)")
                for shell in ("bash completion", "zsh completion"):
                    if not re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", texts[shell]):
                        fail(f"{where} is not in the {shell} (completions/)")
                fish = f"-l {option[2:]}" if option.startswith("--") else f"-s {option[1:]}"
                if not re.search(rf"{re.escape(fish)}(?![\w-])", texts["fish completion"]):
                    fail(f"{where} is not in the fish completion (`{fish}`, completions/pactum.fish)")
            if command and not re.search(rf"\b{command}\b", texts["bash completion"]):
                fail(f"command {command} is not in the bash completion")

        # The scripts parse in their shells, and bash completes.
        for shell, what in (("bash", "bash completion"), ("zsh", "zsh completion"), ("fish", "fish completion")):
            if not shutil.which(shell):
                print(f"note: {shell} is not installed; its completion was not parsed")
                continue
            p = run([shell, "-n", os.path.join(prefix, FILES[what])])
            if p.returncode != 0:
                fail(f"{shell} -n rejects the {what}: {p.stderr.strip()}")
        script = (f"source {os.path.join(prefix, FILES['bash completion'])}; PATH={os.path.dirname(pactum)}:$PATH; "
                  "COMP_WORDS=(pactum check --sev); COMP_CWORD=2; _pactum; echo ${COMPREPLY[@]}; "
                  "COMP_WORDS=(pactum init --template it-s); COMP_CWORD=3; _pactum; echo ${COMPREPLY[@]}")
        got = run(["bash", "-c", script]).stdout.split("\n")
        if got[:2] != ["--severity", "it-service-desk"]:
            fail(f"bash completes `pactum check --sev` and `pactum init --template it-s` as {got[:2]}, "
                 "expected ['--severity', 'it-service-desk']")
    finally:
        shutil.rmtree(prefix, ignore_errors=True)
        shutil.rmtree(work, ignore_errors=True)
    print(f"install: {len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
