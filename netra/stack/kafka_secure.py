"""The secure local Kafka of `netra stack up --secure`: SASL/SCRAM-SHA-512 over TLS, with ACLs.

It is the same Apache Kafka (KRaft) as the plain broker, from the same cached jars, but a
service of its own (`kafka-secure`: own ports, own state folder), so it runs beside the plain
broker that `make test` and `make demo` use and never disturbs it.

Everything secret lives in `<state>/kafka-secure/` (0700), made on the first start:

- `tls/`: a local CA (`ca.p12`, its key, 0600; `ca.pem`, what clients trust) and the broker's
  key and certificate signed by it (`broker.p12`, 0600), made with the JDK's keytool;
- `secrets.json` (0600): the keystore passwords and the SCRAM passwords of the broker
  (`netra-broker`), the admin (`netra-admin`), the workers (`netra-worker`) and the review
  desk (`netra-desk`);
- `client.env` (0600): the NETRA_* variables a worker or tool needs to connect as
  `netra-worker` (`set -a; . client.env; set +a`); `desk.env` (0600) the same for the desk.

The SCRAM users are written into the storage when it is formatted (KRaft keeps them in the
metadata log); after every start (`configure`) the desk's credential is set again (a broker
formatted before the desk had a principal gains it) and the worker's and the desk's ACLs are
applied, idempotently.
"""

from __future__ import annotations

import ipaddress
import json
import os
import secrets
import shlex
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from netra.stack.errors import StackError
from netra.stack.kafka import Kafka, quiet
from netra.stack.kafka_acls import desk_acls, worker_acls
from netra.stack.settings import HostPort
from streams.settings import Settings, private_dir

ADMIN_USER = "netra-admin"
BROKER_USER = "netra-broker"
WORKER_USER = "netra-worker"
#: The review desk and the public report intake: writes its records, reads no stream.
DESK_USER = "netra-desk"
USERS = (BROKER_USER, ADMIN_USER, WORKER_USER, DESK_USER)
#: Principals the authorizer lets do anything: the broker itself and the setup admin only.
SUPER_USERS = (BROKER_USER, ADMIN_USER)
SCRAM_MECHANISM = "SCRAM-SHA-512"
#: Certificates last a little over two years (the CA/Browser limit of 825 days, a sane cap).
CERT_DAYS = 825
SECRET_FILE_MODE = 0o600


@dataclass(frozen=True)
class Secrets:
    """The passwords made once per secure broker and kept in `secrets.json`."""

    ca_password: str
    keystore_password: str
    users: dict[str, str]

    @classmethod
    def generate(cls) -> Secrets:
        return cls(
            ca_password=secrets.token_urlsafe(24),
            keystore_password=secrets.token_urlsafe(24),
            users={user: secrets.token_urlsafe(24) for user in USERS},
        )

    @classmethod
    def load(cls, path: Path) -> Secrets | None:
        """The stored secrets, or None when there are none (yet)."""
        try:
            data = json.loads(path.read_text())
            return cls(str(data["ca_password"]), str(data["keystore_password"]), data["users"])
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise StackError(
                f"{path} is unreadable ({exc}).",
                f"Delete {path.parent} and run `netra stack up --secure` again "
                "(the secure broker starts empty, with new credentials).",
            ) from exc

    def save(self, path: Path) -> None:
        write_private(
            path,
            json.dumps(
                {
                    "ca_password": self.ca_password,
                    "keystore_password": self.keystore_password,
                    "users": self.users,
                },
                indent=2,
            )
            + "\n",
        )


def write_private(path: Path, text: str) -> None:
    """Write `text` to `path` readable by its owner only, from the first byte on."""
    tmp = path.with_name(path.name + ".tmp")
    tmp.unlink(missing_ok=True)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, SECRET_FILE_MODE)
    with os.fdopen(fd, "w") as f:
        f.write(text)
    tmp.replace(path)


def subject_alt_names(host: str) -> str:
    """keytool's SAN extension for the broker: its listen address, plus 127.0.0.1/localhost."""
    names: list[str] = []
    for name in (host, "127.0.0.1", "localhost"):
        try:
            ipaddress.ip_address(name)
            entry = f"ip:{name}"
        except ValueError:
            entry = f"dns:{name}"
        if entry not in names:
            names.append(entry)
    return ",".join(names)


def scram_arg(user: str, password: str) -> str:
    """One `--add-scram` value of the storage formatter."""
    return f"{SCRAM_MECHANISM}=[name={user},password={password}]"


def client_env(address: HostPort, ca_file: Path, user: str, password: str) -> dict[str, str]:
    """The NETRA_* variables (streams/settings.py) that connect a client as `user`."""
    return {
        "NETRA_KAFKA_BOOTSTRAP": str(address),
        "NETRA_KAFKA_SECURITY_PROTOCOL": "SASL_SSL",
        "NETRA_KAFKA_SASL_MECHANISM": SCRAM_MECHANISM,
        "NETRA_KAFKA_USERNAME": user,
        "NETRA_KAFKA_PASSWORD": password,
        "NETRA_KAFKA_CA_FILE": str(ca_file),
    }


def env_file_text(env: dict[str, str], user: str = WORKER_USER) -> str:
    """A file a shell can source (`set -a; . FILE; set +a`): one quoted NAME=value a line."""
    head = (
        f"# Netra's credentials as {user} for the secure local Kafka (netra stack up --secure).\n"
    )
    return head + "".join(f"{name}={shlex.quote(value)}\n" for name, value in env.items())


class SecureKafka(Kafka):
    name = "kafka-secure"
    role = "kafka"
    template = "kafka-secure-server.properties"

    @property
    def address(self) -> HostPort:
        return self.settings.kafka_secure

    @property
    def controller_port(self) -> int:
        return self.settings.kafka_secure_controller_port

    @property
    def heap(self) -> str:
        return self.settings.kafka_secure_heap

    # -- where the secrets live ----------------------------------------------------------
    @property
    def tls_dir(self) -> Path:
        return self.dir / "tls"

    @property
    def ca_file(self) -> Path:
        """The CA certificate (PEM) every client must trust."""
        return self.tls_dir / "ca.pem"

    @property
    def keystore(self) -> Path:
        return self.tls_dir / "broker.p12"

    @property
    def secrets_file(self) -> Path:
        return self.dir / "secrets.json"

    @property
    def client_env_file(self) -> Path:
        """NETRA_* variables for a worker (`set -a; . FILE; set +a`)."""
        return self.dir / "client.env"

    @property
    def desk_env_file(self) -> Path:
        """NETRA_* variables for the desk (`netra desk`), as `netra-desk`."""
        return self.dir / "desk.env"

    def secrets(self) -> Secrets | None:
        return Secrets.load(self.secrets_file)

    def client_env(self, user: str = WORKER_USER) -> dict[str, str]:
        """The NETRA_* variables that connect as `user` (the stack's users only)."""
        stored = self.secrets()
        if stored is None:
            raise StackError(
                f"The secure Kafka has no credentials yet ({self.secrets_file}).",
                "Start it once: netra stack up --secure",
            )
        return client_env(self.address, self.ca_file, user, stored.users[user])

    def public_env(self) -> dict[str, str]:
        """The worker's variables without its password (for `netra stack status --json`)."""
        env = client_env(self.address, self.ca_file, WORKER_USER, "")
        env.pop("NETRA_KAFKA_PASSWORD")
        return env

    def client_settings(self, user: str = WORKER_USER) -> Settings:
        """Worker Settings that connect as `user` (everything else at its default)."""
        values = {k.removeprefix("NETRA_").lower(): v for k, v in self.client_env(user).items()}
        return Settings.model_validate(values)

    # -- start-up ------------------------------------------------------------------------
    def _ensure_secrets(self) -> Secrets:
        stored = self.secrets()
        if stored is not None:
            missing = [user for user in USERS if user not in stored.users]
            if missing:  # made before these users existed: they get passwords now
                stored.users.update(Secrets.generate().users | stored.users)
                stored.save(self.secrets_file)
            return stored
        if (self.data_dir / "meta.properties").exists():
            raise StackError(
                f"The secure Kafka's storage exists but its credentials ({self.secrets_file}) "
                "are gone.",
                f"Delete {self.dir} and run `netra stack up --secure` again "
                "(the secure broker starts empty, with new credentials).",
            )
        made = Secrets.generate()
        made.save(self.secrets_file)
        return made

    def _keytool(self, args: list[str], env: dict[str, str]) -> None:
        # keytool sits beside the java that runs the broker (the JDK's and the JRE's bin/).
        keytool = self.java().resolve().parent / "keytool"
        result = subprocess.run(
            [str(keytool), *args],
            cwd=self.tls_dir,
            env={**self.environment(), **env},
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            raise StackError(
                f"keytool {args[0]} failed while making the secure Kafka's certificates:\n"
                f"{(result.stdout + result.stderr)[-1500:]}",
                f"Delete {self.tls_dir} and run `netra stack up --secure` again.",
            )

    def _ensure_tls(self, stored: Secrets) -> None:
        """The local CA and the broker's certificate signed by it, made once."""
        if self.keystore.exists() and self.ca_file.exists():
            return
        tls = private_dir(self.tls_dir)
        for leftover in tls.iterdir():
            leftover.unlink()
        # Passwords reach keytool through its environment, never its argument list.
        env = {"NETRA_CA_PASS": stored.ca_password, "NETRA_KS_PASS": stored.keystore_password}
        ca = ["-keystore", "ca.p12", "-storetype", "PKCS12", "-storepass:env", "NETRA_CA_PASS"]
        ks = ["-keystore", "broker.p12", "-storetype", "PKCS12", "-storepass:env", "NETRA_KS_PASS"]
        ec = ["-keyalg", "EC", "-groupname", "secp256r1", "-validity", str(CERT_DAYS)]
        ca_name = ["-dname", "CN=Netra local Kafka CA", "-ext", "bc:c"]
        self._keytool(["-genkeypair", "-alias", "ca", *ec, *ca_name, *ca], env)
        self._keytool(["-exportcert", "-rfc", "-alias", "ca", "-file", "ca.pem", *ca], env)
        self._keytool(
            ["-genkeypair", "-alias", "broker", *ec, "-dname", f"CN={BROKER_USER}", *ks], env
        )
        self._keytool(["-certreq", "-alias", "broker", "-file", "broker.csr", *ks], env)
        signing = [
            *["-infile", "broker.csr", "-outfile", "broker.pem", "-rfc"],
            *["-validity", str(CERT_DAYS), "-ext", f"SAN={subject_alt_names(self.address.host)}"],
            *["-ext", "KU=digitalSignature", "-ext", "EKU=serverAuth,clientAuth"],
        ]
        self._keytool(["-gencert", "-alias", "ca", *signing, *ca], env)
        self._keytool(["-importcert", "-noprompt", "-alias", "ca", "-file", "ca.pem", *ks], env)
        self._keytool(["-importcert", "-alias", "broker", "-file", "broker.pem", *ks], env)
        (tls / "broker.csr").unlink()
        for key_file in ("ca.p12", "broker.p12"):
            (tls / key_file).chmod(SECRET_FILE_MODE)

    def template_values(self) -> dict[str, object]:
        stored = self._ensure_secrets()
        return {
            **super().template_values(),
            "keystore": self.keystore,
            "keystore_password": stored.keystore_password,
            "ca_file": self.ca_file,
            "broker_user": BROKER_USER,
            "broker_password": stored.users[BROKER_USER],
            "super_users": ";".join(f"User:{u}" for u in SUPER_USERS),
        }

    def storage_args(self) -> list[str]:
        stored = self._ensure_secrets()
        args: list[str] = []
        for user in USERS:
            args += ["--add-scram", scram_arg(user, stored.users[user])]
        return args

    def prepare(self) -> None:
        stored = self._ensure_secrets()
        self._ensure_tls(stored)
        super().prepare()
        (self.dir / "server.properties").chmod(SECRET_FILE_MODE)
        for user, path in ((WORKER_USER, self.client_env_file), (DESK_USER, self.desk_env_file)):
            env = client_env(self.address, self.ca_file, user, stored.users[user])
            write_private(path, env_file_text(env, user))

    # -- the running broker --------------------------------------------------------------
    def admin_kwargs(self) -> dict[str, Any] | None:
        """The admin's SCRAM login over TLS, or None before the first start made it."""
        if not self.ca_file.exists():
            return None
        try:
            settings = self.client_settings(ADMIN_USER)
        except StackError:
            return None
        from streams.kafka_security import client_kwargs

        return client_kwargs(settings)

    def configure(self) -> None:
        """Set the desk's credential and grant the worker and the desk their ACLs (setting the
        same credential or creating an existing ACL changes nothing)."""
        from netra.kafka_tools import (
            KafkaDeliveryError,
            KafkaUnavailableError,
            grant_acls,
            set_scram_password,
        )

        if self.admin_kwargs() is None:
            raise StackError(f"The secure Kafka has no admin credentials in {self.dir}.")
        stored = self._ensure_secrets()
        settings = Settings()
        rules = worker_acls(f"User:{WORKER_USER}", settings)
        rules += desk_acls(f"User:{DESK_USER}", settings)
        admin = self.client_settings(ADMIN_USER)
        try:
            with quiet("kafka"):
                set_scram_password(admin, DESK_USER, stored.users[DESK_USER])
                grant_acls(admin, rules)
        except (KafkaDeliveryError, KafkaUnavailableError) as exc:
            raise StackError(str(exc), f"Read {self.log_file}.") from exc
