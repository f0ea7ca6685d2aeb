#!/bin/sh
# Builds a minimal Debian 12 system with debootstrap, boots it under QEMU (software emulation, no
# network beyond QEMU's isolated user-mode stack) and extracts the files capture.sh saved.
# Needs root, debootstrap, qemu-system-x86 and e2fsprogs. Not run by the test suite: the captured
# trees are committed under ../roots/.
#
#   boot-and-capture.sh WORKDIR NAME "QEMU CPU/SMP/MEMORY OPTIONS" DISK_SIZE [SSHD_DROP_IN]
#
# e.g. boot-and-capture.sh /tmp/vm debian12-qemu-small "-machine pc -cpu qemu64 -smp 2 -m 2048" 6G
#
# With ZPA_AUDIT_JAR=path/to/zpa-audit.jar, a Java runtime and the jar are installed in the guest
# and capture.sh also runs `host collect` there (live-facts.json in the output).
set -eu
work=$1 name=$2 opts=$3 size=$4 dropin=${5:-}
here=$(cd "$(dirname "$0")" && pwd)
root=$work/root
if [ ! -d "$root" ]; then
  debootstrap --variant=minbase \
    --include=systemd-sysv,udev,kmod,openssh-server,linux-image-amd64,initramfs-tools,sudo,iproute2,procps \
    bookworm "$root" http://deb.debian.org/debian
  printf '/dev/vda / ext4 defaults 0 1\n' > "$root/etc/fstab"
  install -m 0755 "$here/capture.sh" "$root/usr/local/sbin/capture"
  cat > "$root/etc/systemd/system/capture.service" <<'UNIT'
[Unit]
Description=Capture host facts to /dev/vdb
After=ssh.service systemd-user-sessions.service
Wants=ssh.service

[Service]
Type=oneshot
ExecStart=/usr/local/sbin/capture
ExecStartPost=/bin/systemctl poweroff --no-block

[Install]
WantedBy=multi-user.target
UNIT
  ln -sf /etc/systemd/system/capture.service "$root/etc/systemd/system/multi-user.target.wants/capture.service"
fi
if [ -n "${ZPA_AUDIT_JAR:-}" ]; then
  cp /etc/resolv.conf "$root/etc/resolv.conf"
  mount -t proc proc "$root/proc"
  chroot "$root" apt-get install -y -q --no-install-recommends openjdk-17-jre-headless || true
  chroot "$root" dpkg --configure -a
  umount "$root/proc"
  rm -f "$root/etc/resolv.conf"
  mkdir -p "$root/usr/local/lib"
  cp "$ZPA_AUDIT_JAR" "$root/usr/local/lib/zpa-audit.jar"
fi
echo "ac-$name" > "$root/etc/hostname"
rm -f "$root/etc/ssh/sshd_config.d/"*.conf
[ -n "$dropin" ] && cp "$dropin" "$root/etc/ssh/sshd_config.d/"
rm -f "$work/$name.img" "$work/$name.out"
truncate -s "$size" "$work/$name.img"
mkfs.ext4 -q -F -d "$root" "$work/$name.img"
truncate -s 64M "$work/$name.out"
# shellcheck disable=SC2086
timeout 900 qemu-system-x86_64 $opts -nographic -no-reboot \
  -kernel "$(ls "$root"/boot/vmlinuz-* | tail -1)" -initrd "$(ls "$root"/boot/initrd.img-* | tail -1)" \
  -append "root=/dev/vda rw console=ttyS0 quiet" \
  -drive "file=$work/$name.img,format=raw,if=virtio" -drive "file=$work/$name.out,format=raw,if=virtio" \
  -netdev user,id=n0,restrict=on -device virtio-net-pci,netdev=n0 > "$work/$name.console" 2>&1
rm -rf "${work:?}/$name" && mkdir -p "$work/$name"
tar -C "$work/$name" -xf "$work/$name.out"
echo "captured into $work/$name"
