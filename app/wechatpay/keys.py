"""Key files for WeChat Pay, and throw-away dev keys so dev mode runs with no committed key material.

`generate_dev_keys` makes both sides of the sandbox handshake in one directory: the sandbox's "WeChat Pay
platform" key pair (it signs; jifen verifies by `PUB_KEY_ID_…` or by the self-signed certificate's serial),
a merchant key pair (jifen signs; the sandbox verifies) and an APIv3 key. The service and the sandbox may
start at the same moment, so creation is serialised with a file lock and committed by writing
`dev-keys.json` last; every file is written to a temp name and moved into place with os.replace.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import secrets
import string
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from app.wechatpay.crypto import certificate_serial, public_key_from_pem

MANIFEST = "dev-keys.json"
_FILES = {
    "platform_private": "platform-private.pem",
    "platform_public": "platform-public.pem",
    "platform_certificate": "platform-cert.pem",
    "merchant_private": "merchant-private.pem",
    "merchant_public": "merchant-public.pem",
}


def load_private_key(path: str | os.PathLike[str]) -> rsa.RSAPrivateKey:
    """An unencrypted PEM RSA private key (PKCS#8 `apiclient_key.pem` or PKCS#1)."""
    key = serialization.load_pem_private_key(Path(path).read_bytes(), password=None)
    if not isinstance(key, rsa.RSAPrivateKey):
        raise ValueError(f"{path}: WeChat Pay keys are RSA")
    return key


def load_public_key(path: str | os.PathLike[str]) -> rsa.RSAPublicKey:
    """A PEM public key (`pub_key.pem`, public-key mode) or a platform certificate PEM."""
    return public_key_from_pem(Path(path).read_bytes())[0]


@dataclass(frozen=True)
class DevKeys:
    """Where the dev keys live and the ids that name them. Private keys stay in files; load on demand."""

    directory: Path
    platform_private_key_path: Path
    platform_public_key_path: Path
    platform_certificate_path: Path
    platform_public_key_id: str
    platform_certificate_serial: str
    merchant_private_key_path: Path
    merchant_public_key_path: Path
    merchant_serial: str
    apiv3_key: str

    @property
    def manifest_path(self) -> Path:
        return self.directory / MANIFEST

    def platform_private_key(self) -> rsa.RSAPrivateKey:
        return load_private_key(self.platform_private_key_path)

    def merchant_private_key(self) -> rsa.RSAPrivateKey:
        return load_private_key(self.merchant_private_key_path)

    def merchant_public_key(self) -> rsa.RSAPublicKey:
        return load_public_key(self.merchant_public_key_path)

    def trusted_platform_keys(self) -> dict[str, rsa.RSAPublicKey]:
        """Both ids the sandbox may sign under, as NotificationVerifier wants them."""
        return {self.platform_public_key_id: load_public_key(self.platform_public_key_path),
                self.platform_certificate_serial: load_public_key(self.platform_certificate_path)}


def generate_dev_keys(directory: Path) -> DevKeys:
    """Load the dev keys under `directory`, creating them first if no process has yet."""
    directory = Path(directory)
    if (directory / MANIFEST).exists():
        return _load(directory)
    directory.mkdir(parents=True, exist_ok=True)
    with _locked(directory / ".dev-keys.lock"):
        if not (directory / MANIFEST).exists():  # another process may have won the race meanwhile
            _create(directory)
    return _load(directory)


@contextlib.contextmanager
def _locked(lock_path: Path) -> Iterator[None]:
    with open(lock_path, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _load(directory: Path) -> DevKeys:
    try:
        manifest = json.loads((directory / MANIFEST).read_text(encoding="utf-8"))
        files = manifest["files"]
        return DevKeys(
            directory=directory,
            platform_private_key_path=directory / files["platform_private"],
            platform_public_key_path=directory / files["platform_public"],
            platform_certificate_path=directory / files["platform_certificate"],
            platform_public_key_id=manifest["platform_public_key_id"],
            platform_certificate_serial=manifest["platform_certificate_serial"],
            merchant_private_key_path=directory / files["merchant_private"],
            merchant_public_key_path=directory / files["merchant_public"],
            merchant_serial=manifest["merchant_serial"],
            apiv3_key=manifest["apiv3_key"],
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"{directory / MANIFEST} is damaged; delete {directory} to regenerate") from exc


def _create(directory: Path) -> None:
    platform, merchant = _new_rsa_key(), _new_rsa_key()
    cert = _self_signed_certificate(platform)
    blobs = {
        "platform_private": _private_pem(platform),
        "platform_public": _public_pem(platform),
        "platform_certificate": cert.public_bytes(serialization.Encoding.PEM),
        "merchant_private": _private_pem(merchant),
        "merchant_public": _public_pem(merchant),
    }
    for name, blob in blobs.items():
        _write_atomic(directory / _FILES[name], blob, private=name.endswith("_private"))
    manifest = {
        "note": "throw-away keys for the local WeChat Pay sandbox; never use them anywhere else",
        "files": _FILES,
        "platform_public_key_id": "PUB_KEY_ID_" + "".join(secrets.choice(string.digits) for _ in range(32)),
        "platform_certificate_serial": certificate_serial(cert),
        "merchant_serial": secrets.token_hex(20).upper(),
        "apiv3_key": "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(32)),
    }
    _write_atomic(directory / MANIFEST, json.dumps(manifest, indent=2).encode(), private=True)


def _new_rsa_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _private_pem(key: rsa.RSAPrivateKey) -> bytes:
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


def _public_pem(key: rsa.RSAPrivateKey) -> bytes:
    return key.public_key().public_bytes(serialization.Encoding.PEM,
                                         serialization.PublicFormat.SubjectPublicKeyInfo)


def _self_signed_certificate(key: rsa.RSAPrivateKey) -> x509.Certificate:
    """Platform-certificate mode for the sandbox; serial has 40 hex digits like real ones (top nibble 1-7)."""
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "jifen sandbox WeChat Pay platform")])
    now = datetime.now(UTC)
    return (x509.CertificateBuilder()
            .subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(secrets.randbits(159) | 1 << 156)
            .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=5 * 365))
            .sign(key, hashes.SHA256()))


def _write_atomic(path: Path, data: bytes, *, private: bool) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600 if private else 0o644)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
