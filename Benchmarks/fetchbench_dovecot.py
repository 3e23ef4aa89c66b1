"""A private Dovecot for the fetch benchmark, set up as Tests/DovecotHarness
sets up the test servers: its own base_dir and state under one temporary
directory, a passwd-file with a {PLAIN} password, Maildir storage, a
generated CA and server certificate with SANs for localhost, 127.0.0.1 and
::1, and four loopback ports (pop3, pop3s, imap, imaps). Only the generated
dovecot.conf is read (`dovecot -F -c CONF`), never /etc/dovecot."""
import os
import pwd
import grp
import shutil
import signal
import socket
import subprocess
import tempfile
import time

USER = "alice"
PASSWORD = "wonderland"
HOST = "127.0.0.1"


def free_ports(count):
    """`count` distinct free TCP ports on loopback (bound to port 0 and released)."""
    sockets, ports = [], []
    for _ in range(count):
        s = socket.socket()
        s.bind((HOST, 0))
        sockets.append(s)
        ports.append(s.getsockname()[1])
    for s in sockets:
        s.close()
    return ports


def make_certificates(directory):
    """CA and server certificate (EC P-256, ten years), as GeneratedCertificates.swift makes them."""
    key = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "3650"]
    ca = ["-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"]
    run = lambda args: subprocess.run(["openssl", *args], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    run(["req", "-x509", *key, *ca, "-subj", "/CN=mailroute benchmark CA",
         "-keyout", f"{directory}/ca-key.pem", "-out", f"{directory}/ca.pem"])
    run(["req", "-new", *key, "-subj", "/CN=localhost", "-keyout", f"{directory}/server-key.pem",
         "-out", f"{directory}/server.csr"])
    with open(f"{directory}/server.ext", "w") as f:
        f.write("subjectAltName = DNS:localhost, IP:127.0.0.1, IP:::1\n"
                "basicConstraints = critical, CA:FALSE\n"
                "keyUsage = critical, digitalSignature\n"
                "extendedKeyUsage = serverAuth\n")
    run(["x509", "-req", "-in", f"{directory}/server.csr", "-CA", f"{directory}/ca.pem",
         "-CAkey", f"{directory}/ca-key.pem", "-set_serial", "0x" + os.urandom(8).hex(), "-days", "3650",
         "-extfile", f"{directory}/server.ext", "-out", f"{directory}/server.pem"])
    return f"{directory}/ca.pem"


class Dovecot:
    """One private Dovecot; `start()` it, `fill()` alice's INBOX, `stop()` it."""

    def __init__(self):
        # Short: Dovecot's socket paths live under it and are limited to 108 bytes.
        self.root = tempfile.mkdtemp(prefix="mailroute-fetchbench-", dir="/tmp")
        os.chmod(self.root, 0o755)
        self.maildir = f"{self.root}/home/{USER}/Maildir"
        self.process = None
        if os.geteuid() == 0:
            # Dovecot refuses uid 0 for mail processes.
            nobody = pwd.getpwnam("nobody")
            self.owner = (nobody.pw_uid, nobody.pw_gid)
            self.service_account = None
        else:
            self.owner = (os.getuid(), os.getgid())
            self.service_account = (pwd.getpwuid(os.getuid()).pw_name, grp.getgrgid(os.getgid()).gr_name)

    def configuration(self):
        uid, gid = self.owner
        root = self.root
        text = f"""# The private Dovecot of mailroute's fetch benchmark; nothing else reads this file.
base_dir = {root}/run
state_dir = {root}/state
instance_name = {os.path.basename(root)}
log_path = {root}/dovecot.log
protocols = imap pop3
listen = {HOST}
ssl = yes
ssl_cert = <{root}/certificates/server.pem
ssl_key = <{root}/certificates/server-key.pem
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_username_format = %u
first_valid_uid = {uid}
first_valid_gid = {gid}
mail_location = maildir:~/Maildir
mail_max_userip_connections = 1000
pop3_uidl_format = %08Xu%08Xv
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/passwd
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={root}/home/%u
}}
namespace inbox {{
  inbox = yes
  separator = /
}}
"""
        if self.service_account:
            user, group = self.service_account
            text += f"""default_login_user = {user}
default_internal_user = {user}
default_internal_group = {group}
service anvil {{
  chroot =
}}
service auth-worker {{
  user = {user}
}}
"""
        for name, plain, tls in (("imap", self.imap, self.imaps), ("pop3", self.pop3, self.pop3s)):
            chroot = "chroot =" if self.service_account else ""
            text += f"""service {name}-login {{
  service_count = 0
  process_min_avail = 1
  {chroot}
  inet_listener {name} {{
    port = {plain}
  }}
  inet_listener {name}s {{
    port = {tls}
    ssl = yes
  }}
}}
"""
        return text

    def start(self):
        os.makedirs(f"{self.root}/state")
        os.makedirs(f"{self.root}/certificates")
        self.ca_file = make_certificates(f"{self.root}/certificates")
        with open(f"{self.root}/passwd", "w") as f:
            f.write(f"{USER}:{{PLAIN}}{PASSWORD}::::::\n")
        os.chmod(f"{self.root}/passwd", 0o644)
        for path in (f"{self.root}/home", f"{self.root}/home/{USER}", self.maildir,
                     *(f"{self.maildir}/{part}" for part in ("cur", "new", "tmp"))):
            os.makedirs(path, exist_ok=True)
            os.chown(path, *self.owner)
        self.pop3, self.pop3s, self.imap, self.imaps = free_ports(4)
        with open(f"{self.root}/dovecot.conf", "w") as f:
            f.write(self.configuration())
        output = open(f"{self.root}/dovecot.out", "w")
        self.process = subprocess.Popen(["dovecot", "-F", "-c", f"{self.root}/dovecot.conf"],
                                        stdout=output, stderr=output, start_new_session=True)
        deadline = time.monotonic() + 30
        for port in (self.pop3, self.pop3s, self.imap, self.imaps):
            while True:
                try:
                    with socket.create_connection((HOST, port), timeout=1) as s:
                        if port in (self.pop3, self.imap):
                            s.recv(100)  # the greeting: the login process is up
                    break
                except OSError:
                    if self.process.poll() is not None or time.monotonic() > deadline:
                        raise SystemExit("dovecot did not start; see " + f"{self.root}/dovecot.log")
                    time.sleep(0.05)

    def stage(self, corpus_maildir):
        """A copy of the corpus owned by the mail user, from which `fill()` hard-links.

        The files are named as Dovecot's own delivery (LDA, LMTP) names them,
        with `,S=<size>,W=<size with CRLF line ends>`: the server then knows
        every size without reading the message, as it does for mail it
        delivered itself. Without them it reads each new message once on
        first access, a cost of this setup rather than of any client."""
        staging = f"{self.root}/staging"
        os.makedirs(staging)
        self.staged = []
        for name in sorted(os.listdir(f"{corpus_maildir}/new")):
            with open(f"{corpus_maildir}/new/{name}", "rb") as f:
                data = f.read()
            virtual = len(data) + data.count(b"\n") - data.count(b"\r\n")
            staged = f"{name},S={len(data)},W={virtual}"
            with open(f"{staging}/{staged}", "wb") as f:
                f.write(data)
            os.chown(f"{staging}/{staged}", *self.owner)
            self.staged.append(staged)
        self.staging = staging

    def fill(self):
        """Empties alice's INBOX (messages and Dovecot's index) and delivers the staged corpus."""
        for part in ("cur", "new", "tmp"):
            directory = f"{self.maildir}/{part}"
            for name in os.listdir(directory):
                os.unlink(f"{directory}/{name}")
        for name in os.listdir(self.maildir):
            if name.startswith("dovecot"):
                os.unlink(f"{self.maildir}/{name}")
        for name in self.staged:
            os.link(f"{self.staging}/{name}", f"{self.maildir}/new/{name}")

    def message_count(self):
        return len(os.listdir(f"{self.maildir}/new")) + len(os.listdir(f"{self.maildir}/cur"))

    def stop(self):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        shutil.rmtree(self.root, ignore_errors=True)
