import subprocess, time, json, sys, os, select
cases = json.load(open(sys.argv[1]))
out = []
for c in cases:
    data = c.encode('latin1')
    p = subprocess.Popen(['qemu-system-arm','-M','none','-display','none','-qmp','stdio','-nodefaults'],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    greeting = p.stdout.readline()
    p.stdin.write(data); p.stdin.flush()
    time.sleep(0.5)
    p.kill()
    rest = p.stdout.read().decode('latin1')
    # The kill may cut the last reply short; keep whole lines only.
    out.append({"input": c, "replies": [l for l in rest.split('\r\n')[:-1] if l]})
json.dump(out, open(sys.argv[2],'w'), indent=1)
