"""Opens a PKCS#12 file in a child process (signing.certificates.read_pkcs12 runs it with a time and CPU
limit): the key derivation a file asks for is the sender's choice, so an upload must not hold a
web worker for as long as it likes. Reads {"data", "passphrase"} as JSON on stdin, writes the key
(PKCS#8, unencrypted, over the pipe only) and the certificates (DER) as JSON on stdout. Imports
nothing of the project: it starts in a fraction of a second."""

from __future__ import annotations

import base64
import json
import resource
import sys


def main() -> None:
    seconds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds + 1))
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.serialization import pkcs12

    request = json.loads(sys.stdin.read())
    data = base64.b64decode(request["data"])
    passphrase = request["passphrase"].encode("utf-8", "surrogatepass") or None
    try:
        key, cert, chain = pkcs12.load_key_and_certificates(data, passphrase)
    except (ValueError, TypeError):
        json.dump({"refused": True}, sys.stdout)
        return

    def der(certificate) -> str:
        return base64.b64encode(certificate.public_bytes(serialization.Encoding.DER)).decode()

    json.dump(
        {
            "key": base64.b64encode(
                key.private_bytes(
                    serialization.Encoding.DER,
                    serialization.PrivateFormat.PKCS8,
                    serialization.NoEncryption(),
                )
            ).decode()
            if key is not None
            else None,
            "cert": der(cert) if cert is not None else None,
            "chain": [der(c) for c in chain],
        },
        sys.stdout,
    )


if __name__ == "__main__":
    main()
