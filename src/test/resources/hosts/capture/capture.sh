#!/bin/sh
# Copies the files zpa-audit's host collector reads into /capture and writes them as a tar
# archive to the second disk (/dev/vdb), then powers the machine off.
OUT=/capture
rm -rf "$OUT"; mkdir -p "$OUT/commands"
grab() {
  for f in "$@"; do
    [ -r "$f" ] && [ -f "$f" ] || continue
    mkdir -p "$OUT$(dirname "$f")"
    cat "$f" > "$OUT$f" 2>/dev/null
  done
}
grab /proc/cpuinfo /proc/meminfo /proc/sys/kernel/arch /proc/sys/kernel/hostname \
     /proc/net/tcp /proc/net/tcp6 /proc/1/comm /proc/self/mountinfo /proc/self/status \
     /etc/os-release /usr/lib/os-release /etc/ssh/sshd_config /etc/group /etc/passwd /var/log/dpkg.log \
     /sys/devices/system/memory/block_size_bytes /sys/class/dmi/id/sys_vendor /sys/class/dmi/id/product_name
for m in /sys/devices/system/memory/memory*/state; do grab "$m"; done
for f in /etc/ssh/sshd_config.d/*; do grab "$f"; done
for n in /sys/class/net/*; do
  grab "$n/address" "$n/addr_assign_type"
  [ -e "$n/device" ] && grab "$n/device/uevent"
done
for b in /sys/dev/block/*; do grab "$b/size"; done
if [ -d /run/systemd/system ]; then mkdir -p "$OUT/run/systemd/system"; touch "$OUT/run/systemd/system/.keep"; fi
df -Pk / > "$OUT/commands/df.txt" 2>&1
uname -m > "$OUT/commands/uname.txt" 2>&1
sshd -T > "$OUT/commands/sshd.txt" 2>&1 || /usr/sbin/sshd -T > "$OUT/commands/sshd.txt" 2>&1
ss -ltn > "$OUT/ss-ltn.txt" 2>&1
# With zpa-audit installed in the guest, also collect live, to compare with the captured tree.
if [ -f /usr/local/lib/zpa-audit.jar ] && command -v java >/dev/null; then
  java -jar /usr/local/lib/zpa-audit.jar host collect -o "$OUT/live-facts.json" 2> "$OUT/live-facts.err"
fi
tar -C "$OUT" -cf /dev/vdb .
sync
