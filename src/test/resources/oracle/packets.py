#!/usr/bin/env python3
"""Packet helper of the kernel oracle (stdlib only).

Usage:
  packets.py send JOBFILE          send crafted IPv4/IPv6 packets, report what was observed

The job file is line based (whitespace separated):
  lab RULESET_NS PEER_NS NONCE
  flushct                          (first delete every conntrack entry of RULESET_NS)
  iface NAME PEER_NAME RULESET_MAC PEER_MAC
  step NAME all|quiet TIMEOUT_MS QUIET_MS
  pkt ID TYPE FROM_HOST FROM_IFACE TO_HOST TO_IFACE SRC SPORT DST DPORT

TYPE is SYN, SYNACK, ACK (TCP), UDPO, UDPR (UDP original / reply datagram),
SYNACKNAT or UDPRNAT (a reply sent to the address and port that conntrack
translated the connection's client to, read from the ruleset namespace's
conntrack table; "unopened" when it holds no such connection) or
I<type>.<code> (ICMPv6: I128.0 an echo request, I129.0 its reply, I135.0 a
neighbour solicitation...). SRC SPORT DST DPORT name the connection in its
original direction; SYNACK, UDPR and I129.* are sent from DST to SRC. The
addresses are IPv4 or IPv6 (ICMPv6 needs IPv6).
FROM_HOST/TO_HOST is 1 for the ruleset namespace, 0 for the peer namespace;
interfaces are always named by the ruleset-side veth name. A packet from the
peer namespace is written on the peer veth of FROM_IFACE; a packet from the
ruleset namespace goes through a raw socket bound to FROM_IFACE, so it crosses
OUTPUT and POSTROUTING there.

Packets are observed after netfilter decided: in the peer namespace with
AF_PACKET sockets (frames that left the ruleset namespace), in the ruleset
namespace with raw TCP/UDP (and ICMPv6) sockets (packets that passed INPUT).
Each packet is recognised by its TCP sequence number or UDP/ICMPv6 payload,
which encode the nonce and the packet id, so address or port translation does
not hide it. An ICMPv6 echo carries the packet id as its identifier; an ICMPv6
error (type below 128) quotes an IPv6 header (next header 59, so it refers to
no connection) followed by the payload.

Output lines:  seen STEP ID TYPE WHERE   (WHERE is host:IFACE or peer:IFACE)
               senderr STEP ID TYPE ERRNO (sendto failed; EPERM means OUTPUT dropped it)
               unopened STEP ID TYPE     (a NAT reply whose connection conntrack lacks)
               drops N                   (the capture sockets lost packets)
               devdrops N                (network devices of either namespace lost packets)
"""
import ctypes
import os
import select
import socket
import struct
import sys
import time

CLONE_NEWNET = 0x40000000
ETH_P_IP = 0x0800
ETH_P_IPV6 = 0x86DD
IPPROTO_ICMPV6 = 58
IPV6_RECVPKTINFO = 49
IPV6_PKTINFO = 50
PACKET_OUTGOING = 4
SOL_PACKET = 263
PACKET_STATISTICS = 6
SO_RXQ_OVFL = 40
SO_RCVBUFFORCE = 33
IP_PKTINFO = 8
RCVBUF = 64 * 1024 * 1024
SEQ_STRIDE = 1024
MASK = 0xFFFFFFFF
TCP_FLAGS = {"SYN": 0x02, "SYNACK": 0x12, "ACK": 0x10}
REPLY_TYPES = {"SYNACK", "UDPR"}
NAT_SUFFIX = "NAT"
PROTOCOLS = {"tcp": 6, "udp": 17}
UDP_MAGIC = b"ZPAO"
ICMP_MAGIC = b"ZPAI"
ICMP_HEADER = 8  # type, code, checksum and four bytes (echo identifier and sequence)
ICMP_QUOTE = 40  # the quoted IPv6 header of an ICMPv6 error

_libc = ctypes.CDLL(None, use_errno=True)


def enter_netns(name):
    fd = os.open("/run/netns/" + name, os.O_RDONLY)
    try:
        if _libc.setns(fd, CLONE_NEWNET) != 0:
            err = ctypes.get_errno()
            raise OSError(err, "setns %s: %s" % (name, os.strerror(err)))
    finally:
        os.close(fd)


def checksum(data):
    if len(data) % 2:
        data += b"\0"
    total = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while total >> 16:
        total = (total & 0xFFFF) + (total >> 16)
    return ~total & 0xFFFF


def client_isn(nonce, pid):
    return (nonce + pid * SEQ_STRIDE) & MASK


def server_isn(nonce, pid):
    return ((nonce ^ 0x5A5A5A5A) + pid * SEQ_STRIDE) & MASK


def icmp_type(ptype):
    """(type, code) of an ICMPv6 packet type I<type>.<code>, else None."""
    if not ptype.startswith("I"):
        return None
    t, c = ptype[1:].split(".")
    return int(t), int(c)


def icmp_body(ptype, pid, nonce, src, dst):
    """The ICMPv6 message after type, code and checksum, carrying the nonce and packet id."""
    t, _ = icmp_type(ptype)
    mark = ICMP_MAGIC + struct.pack("!IIB", nonce, pid, 0)
    if t >= 128:
        return struct.pack("!HH", pid & 0xFFFF, 1) + mark
    # An error quotes the packet it is about: here a header that refers to no connection.
    word = 1280 if t == 2 else 0
    quoted = struct.pack("!IHBB", 6 << 28, len(mark), 59, 64) + packed(dst) + packed(src)
    return struct.pack("!I", word) + quoted + mark


def packed(text):
    family = socket.AF_INET6 if ":" in text else socket.AF_INET
    return socket.inet_pton(family, text)


def l4_segment(ptype, pid, nonce, src, sport, dst, dport):
    """Returns (protocol number, transport segment with a valid checksum)."""
    if ptype in TCP_FLAGS:
        proto = socket.IPPROTO_TCP
        if ptype == "SYN":
            seq, ack = client_isn(nonce, pid), 0
        elif ptype == "SYNACK":
            seq, ack = server_isn(nonce, pid), client_isn(nonce, pid) + 1
        else:
            seq, ack = client_isn(nonce, pid) + 1, server_isn(nonce, pid) + 1
        options = struct.pack("!BBH", 2, 4, 1460) if ptype != "ACK" else b""
        offset = (20 + len(options)) // 4
        seg = struct.pack("!HHIIBBHHH", sport, dport, seq & MASK, ack & MASK,
                          offset << 4, TCP_FLAGS[ptype], 64240, 0, 0) + options
        pos = 16
    elif ptype.startswith("I"):
        proto = IPPROTO_ICMPV6
        t, c = icmp_type(ptype)
        seg = struct.pack("!BBH", t, c, 0) + icmp_body(ptype, pid, nonce, src, dst)
        pos = 2
    else:
        proto = socket.IPPROTO_UDP
        payload = UDP_MAGIC + struct.pack("!IIB", nonce, pid, ptype == "UDPR")
        seg = struct.pack("!HHHH", sport, dport, 8 + len(payload), 0) + payload
        pos = 6
    if ":" in src:
        pseudo = packed(src) + packed(dst) + struct.pack("!IxxxB", len(seg), proto)
    else:
        pseudo = packed(src) + packed(dst) + struct.pack("!BBH", 0, proto, len(seg))
    csum = checksum(pseudo + seg)
    if proto == socket.IPPROTO_UDP and csum == 0:
        csum = 0xFFFF
    return proto, seg[:pos] + struct.pack("!H", csum) + seg[pos + 2:]


def ip_packet(pkt, nonce):
    pid, ptype = pkt["id"], pkt["type"]
    src, sport, dst, dport = pkt["src"], pkt["sport"], pkt["dst"], pkt["dport"]
    if ptype in REPLY_TYPES or ptype.startswith("I129."):  # sent from DST to SRC
        src, sport, dst, dport = dst, dport, src, sport
    proto, seg = l4_segment(ptype, pid, nonce, src, sport, dst, dport)
    if ":" in src:
        header = struct.pack("!IHBB", 6 << 28, len(seg), proto, 64) + packed(src) + packed(dst)
        return dst, header + seg
    header = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(seg), pid & 0xFFFF, 0x4000, 64,
                         proto, 0, socket.inet_aton(src), socket.inet_aton(dst))
    header = header[:10] + struct.pack("!H", checksum(header)) + header[12:]
    return dst, header + seg


def identify(data, nonce, count):
    """Returns (id, type) for one of our IPv4 or IPv6 packets, else None."""
    if len(data) >= 20 and data[0] >> 4 == 4:
        ihl = (data[0] & 0x0F) * 4
        return identify_l4(data[9], data[ihl:], nonce, count)
    if len(data) >= 40 and data[0] >> 4 == 6:
        return identify_l4(data[6], data[40:], nonce, count)
    return None


def identify_l4(proto, l4, nonce, count):
    """Returns (id, type) for the transport segment of one of our packets, else None."""
    if proto == socket.IPPROTO_TCP and len(l4) >= 20:
        seq = struct.unpack("!I", l4[4:8])[0]
        flags = l4[13] & 0x3F
        for ptype, value in TCP_FLAGS.items():
            if flags != value:
                continue
            base = server_isn(nonce, 0) if ptype == "SYNACK" else client_isn(nonce, 0)
            delta = (seq - base - (1 if ptype == "ACK" else 0)) & MASK
            if delta % SEQ_STRIDE == 0 and delta // SEQ_STRIDE < count:
                return delta // SEQ_STRIDE, ptype
    if proto == socket.IPPROTO_UDP and len(l4) >= 8 + 13 and l4[8:12] == UDP_MAGIC:
        got_nonce, pid, reply = struct.unpack("!IIB", l4[12:21])
        if got_nonce == nonce and pid < count:
            return pid, "UDPR" if reply else "UDPO"
    if proto == IPPROTO_ICMPV6 and len(l4) >= ICMP_HEADER:
        at = ICMP_HEADER + (0 if l4[0] >= 128 else ICMP_QUOTE)
        if l4[at:at + 4] == ICMP_MAGIC and len(l4) >= at + 13:
            got_nonce, pid, _ = struct.unpack("!IIB", l4[at + 4:at + 13])
            if got_nonce == nonce and pid < count:
                return pid, "I%d.%d" % (l4[0], l4[1])
    return None


def read_job(path):
    job = {"ifaces": {}, "steps": []}
    with open(path) as handle:
        for line in handle:
            f = line.split()
            if not f:
                continue
            if f[0] == "lab":
                job["host_ns"], job["peer_ns"], job["nonce"] = f[1], f[2], int(f[3])
            elif f[0] == "flushct":
                job["flushct"] = True
            elif f[0] == "iface":
                mac = bytes.fromhex(f[3].replace(":", ""))
                job["ifaces"][f[1]] = {"peer": f[2], "host_mac": mac}
            elif f[0] == "step":
                job["steps"].append({"name": f[1], "mode": f[2], "timeout": int(f[3]) / 1000.0,
                                     "quiet": int(f[4]) / 1000.0, "pkts": []})
            elif f[0] == "pkt":
                job["steps"][-1]["pkts"].append({
                    "id": int(f[1]), "type": f[2], "from_host": f[3] == "1", "from_if": f[4],
                    "to_host": f[5] == "1", "to_if": f[6], "src": f[7], "sport": int(f[8]),
                    "dst": f[9], "dport": int(f[10])})
    return job


class Lab:
    """Sockets in both namespaces; the process itself ends in the peer namespace."""

    def __init__(self, job):
        self.job = job
        pkts = [p for s in job["steps"] for p in s["pkts"]]
        self.count = 1 + max((p["id"] for p in pkts), default=0)
        families = {socket.AF_INET6 if ":" in p["src"] else socket.AF_INET for p in pkts}
        enter_netns(job["host_ns"])
        if job.get("flushct"):
            flush_conntrack()
        self.device_drops = device_drops()
        self.host_names = {index: name for index, name in socket.if_nameindex()}
        self.host_send = {}
        for family in families:
            for name in job["ifaces"]:
                # IPPROTO_RAW: the packet carries its own IP header (IPv6 too).
                sock = socket.socket(family, socket.SOCK_RAW, socket.IPPROTO_RAW)
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_BINDTODEVICE, name.encode())
                self.host_send[(family, name)] = sock
        # Raw sockets get a copy of what passed INPUT; IPv6 ones without the IPv6 header.
        self.host_recv = {}
        if socket.AF_INET in families:
            for proto in (socket.IPPROTO_TCP, socket.IPPROTO_UDP):
                sock = self._capture(socket.AF_INET, socket.SOCK_RAW, proto)
                sock.setsockopt(socket.IPPROTO_IP, IP_PKTINFO, 1)
                self.host_recv[sock] = None
        if socket.AF_INET6 in families:
            for proto in (socket.IPPROTO_TCP, socket.IPPROTO_UDP, IPPROTO_ICMPV6):
                sock = self._capture(socket.AF_INET6, socket.SOCK_RAW, proto)
                sock.setsockopt(socket.IPPROTO_IPV6, IPV6_RECVPKTINFO, 1)
                self.host_recv[sock] = proto
        enter_netns(job["peer_ns"])
        self.device_drops += device_drops()
        self.peer_to_host = {v["peer"]: k for k, v in job["ifaces"].items()}
        self.peer_send = socket.socket(socket.AF_PACKET, socket.SOCK_DGRAM, socket.htons(ETH_P_IP))
        kinds = [k for f, k in ((socket.AF_INET, ETH_P_IP), (socket.AF_INET6, ETH_P_IPV6))
                 if f in families]
        self.peer_recv = [self._capture(socket.AF_PACKET, socket.SOCK_DGRAM, socket.htons(k))
                          for k in kinds]
        self.drops = 0

    @staticmethod
    def _capture(family, kind, proto):
        sock = socket.socket(family, kind, proto)
        sock.setsockopt(socket.SOL_SOCKET, SO_RCVBUFFORCE, RCVBUF)
        sock.setsockopt(socket.SOL_SOCKET, SO_RXQ_OVFL, 1)
        sock.setblocking(False)
        return sock

    def sockets(self):
        return list(self.host_recv) + self.peer_recv

    def send(self, pkt):
        dst, data = ip_packet(pkt, self.job["nonce"])
        v6 = ":" in dst
        if pkt["from_host"]:
            family = socket.AF_INET6 if v6 else socket.AF_INET
            self.host_send[(family, pkt["from_if"])].sendto(data, (dst, 0))
        else:
            iface = self.job["ifaces"][pkt["from_if"]]
            kind = ETH_P_IPV6 if v6 else ETH_P_IP
            self.peer_send.sendto(data, (iface["peer"], kind, 0, 0, iface["host_mac"]))

    def drain(self):
        """Reads every queued packet; returns the set of (id, type, where) seen."""
        seen = set()
        for sock in self.sockets():
            while True:
                try:
                    data, ancdata, _, addr = sock.recvmsg(65535, 256)
                except BlockingIOError:
                    break
                where = self._where(sock, ancdata, addr)
                self._count_drops(ancdata)
                if not where:
                    continue
                proto = self.host_recv.get(sock)
                if proto is None:
                    found = identify(data, self.job["nonce"], self.count)
                else:
                    found = identify_l4(proto, data, self.job["nonce"], self.count)
                if found:
                    seen.add((found[0], found[1], where))
        return seen

    def _where(self, sock, ancdata, addr):
        if sock not in self.host_recv:
            if addr[2] == PACKET_OUTGOING or addr[0] not in self.peer_to_host:
                return None
            return "peer:" + self.peer_to_host[addr[0]]
        for level, kind, value in ancdata:
            if level == socket.IPPROTO_IP and kind == IP_PKTINFO:
                index = struct.unpack("I", value[:4])[0]
                return "host:" + self.host_names.get(index, "?")
            if level == socket.IPPROTO_IPV6 and kind == IPV6_PKTINFO:
                index = struct.unpack("I", value[16:20])[0]
                return "host:" + self.host_names.get(index, "?")
        return "host:?"

    def _count_drops(self, ancdata):
        for level, kind, value in ancdata:
            if level == socket.SOL_SOCKET and kind == SO_RXQ_OVFL:
                self.drops = max(self.drops, struct.unpack("I", value[:4])[0])

    def translated(self, step, out):
        """The step's packets, NAT replies addressed as conntrack translated their connection."""
        if not any(p["type"].endswith(NAT_SUFFIX) for p in step["pkts"]):
            return step["pkts"]
        enter_netns(self.job["host_ns"])
        table = conntrack_replies()
        enter_netns(self.job["peer_ns"])
        pkts = []
        for pkt in step["pkts"]:
            if not pkt["type"].endswith(NAT_SUFFIX):
                pkts.append(pkt)
                continue
            base = pkt["type"][:-len(NAT_SUFFIX)]
            proto = socket.IPPROTO_TCP if base == "SYNACK" else socket.IPPROTO_UDP
            key = (proto, packed(pkt["src"]), pkt["sport"], packed(pkt["dst"]), pkt["dport"])
            if key not in table:
                out.write("unopened %s %d %s\n" % (step["name"], pkt["id"], pkt["type"]))
                continue
            to, port = table[key]
            # A reply type is sent from DST:DPORT to SRC:SPORT (see ip_packet).
            pkts.append(dict(pkt, type=base, src=to, sport=port))
        return pkts

    def run_step(self, step, out):
        pkts = self.translated(step, out)
        expected = {(p["id"], p["type"], ("host:" if p["to_host"] else "peer:") + p["to_if"])
                    for p in pkts}
        seen = set()
        for pkt in pkts:
            try:
                self.send(pkt)
            except OSError as err:
                # EPERM: the ruleset dropped a locally generated packet in OUTPUT.
                out.write("senderr %s %d %s %d\n"
                          % (step["name"], pkt["id"], pkt["type"], err.errno))
        last = time.monotonic()
        deadline = last + step["timeout"]
        socks = self.sockets()
        while True:
            now = time.monotonic()
            if now >= deadline or (step["mode"] == "all" and expected <= seen):
                break
            if step["mode"] == "quiet" and now - last >= step["quiet"]:
                break
            wait = min(deadline - now, step["quiet"] if step["mode"] == "quiet" else 0.05)
            ready, _, _ = select.select(socks, [], [], max(wait, 0.001))
            if ready:
                fresh = self.drain() - seen
                if fresh:
                    seen |= fresh
                    last = time.monotonic()
        seen |= self.drain()
        for pid, ptype, where in sorted(seen):
            out.write("seen %s %d %s %s\n" % (step["name"], pid, ptype, where))


def send_job(path):
    job = read_job(path)
    lab = Lab(job)
    out = sys.stdout
    for step in job["steps"]:
        lab.run_step(step, out)
    for sock in lab.peer_recv:
        peer_stats = sock.getsockopt(SOL_PACKET, PACKET_STATISTICS, 8)
        lab.drops = max(lab.drops, struct.unpack("II", peer_stats)[1])
    if lab.drops:
        out.write("drops %d\n" % lab.drops)
    enter_netns(job["host_ns"])
    after = device_drops()
    enter_netns(job["peer_ns"])
    after += device_drops()
    if after != lab.device_drops:
        out.write("devdrops %d\n" % (after - lab.device_drops))
    out.flush()


def device_drops():
    """Sum of receive and transmit drops of all devices in the current namespace."""
    total = 0
    with open("/proc/self/net/dev") as handle:
        for line in handle.readlines()[2:]:
            fields = line.split(":", 1)[1].split()
            total += int(fields[3]) + int(fields[11])
    return total


def conntrack_replies():
    """Maps each tracked connection's original tuple (protocol, src, sport, dst, dport; addresses
    packed) to the destination and port of its reply tuple, from /proc/self/net/nf_conntrack."""
    table = {}
    with open("/proc/self/net/nf_conntrack") as handle:
        for line in handle:
            fields = line.split()
            if len(fields) < 3 or fields[2] not in PROTOCOLS:
                continue
            values = {}
            for field in fields:
                if "=" in field:
                    name, value = field.split("=", 1)
                    values.setdefault(name, []).append(value)
            if any(len(values.get(k, [])) < 2 for k in ("src", "dst", "sport", "dport")):
                continue
            key = (PROTOCOLS[fields[2]], packed(values["src"][0]), int(values["sport"][0]),
                   packed(values["dst"][0]), int(values["dport"][0]))
            table[key] = (values["dst"][1], int(values["dport"][1]))
    return table


def flush_conntrack():
    nfnl_subsys_ctnetlink, ipctnl_msg_ct_delete = 1, 2
    nlm_f_request, nlm_f_ack = 1, 4
    sock = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 12)
    try:
        sock.settimeout(5)
        body = struct.pack("BBH", socket.AF_UNSPEC, 0, 0)
        kind = (nfnl_subsys_ctnetlink << 8) | ipctnl_msg_ct_delete
        header = struct.pack("IHHII", 16 + len(body), kind, nlm_f_request | nlm_f_ack, 1, 0)
        sock.send(header + body)
        reply = sock.recv(65535)
        error = struct.unpack("i", reply[16:20])[0]
        if error not in (0, -2):
            raise OSError(-error, "conntrack flush: " + os.strerror(-error))
    finally:
        sock.close()


def main(argv):
    if len(argv) == 3 and argv[1] == "send":
        send_job(argv[2])
    else:
        sys.stderr.write(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
