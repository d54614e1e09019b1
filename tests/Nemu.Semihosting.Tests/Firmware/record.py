#!/usr/bin/env python3
"""Records qemu-system-arm's behaviour on semi.elf into ../Recordings/semihosting-qemu-7.2.json.

Each scenario runs the program in an empty directory with stdin from /dev/null, -serial none and no
semihosting chardev (so the console goes to stderr and :tt stdout to stdout), and records stdout, stderr,
the exit status and the files left in the directory. Usage: record.py (needs arm-none-eabi-gcc, qemu-system-arm).
"""
import json, os, subprocess, sys, tempfile

here = os.path.dirname(os.path.abspath(__file__))
scenarios = ["exit0", "exit1", "ext7", "extbad", "unsupported"]
with tempfile.TemporaryDirectory() as tmp:
    subprocess.run([os.path.join(here, "build.sh"), tmp], check=True)
    elf = os.path.join(tmp, "semi.elf")
    version = subprocess.run(["qemu-system-arm", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    out = {"qemu": version, "command": "qemu-system-arm -M mps2-an385 -display none -serial none -monitor none "
           "-semihosting-config enable=on,target=native,arg=semi.elf,arg=SCENARIO -kernel semi.elf </dev/null",
           "scenarios": []}
    for name in scenarios:
        run = os.path.join(tmp, "run-" + name)
        os.mkdir(run)
        p = subprocess.run(["qemu-system-arm", "-M", "mps2-an385", "-display", "none", "-serial", "none",
                            "-monitor", "none", "-semihosting-config",
                            "enable=on,target=native,arg=semi.elf,arg=" + name, "-kernel", elf],
                           cwd=run, stdin=subprocess.DEVNULL, capture_output=True, timeout=60)
        files = {f: open(os.path.join(run, f), "rb").read().decode("latin-1") for f in sorted(os.listdir(run))}
        out["scenarios"].append({"name": name, "exitStatus": p.returncode if p.returncode >= 0 else 128 - p.returncode,
                                 "stdout": p.stdout.decode("latin-1"), "stderr": p.stderr.decode("latin-1"),
                                 "files": files})
    dest = os.path.join(here, "..", "Recordings", "semihosting-qemu-7.2.json")
    os.makedirs(os.path.dirname(dest), exist_ok=True)
    with open(dest, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
