"""`manage.py setup_signing`: the demo CA and the SoftHSM2 token under SIGNING_DIR (idempotent;
run by `make install`), and with --unit, certificates for a unit whose keys go into the token."""

from django.core.management.base import BaseCommand, CommandError

from organisations.models import Unit
from signing import keys
from signing.models import SigningIdentity


class Command(BaseCommand):
    help = (
        "Create the demo CA and the SoftHSM2 token (idempotent); --unit CODE --signer NAME adds certificates."
    )

    def add_arguments(self, parser):
        parser.add_argument("--unit", help="code of the unit to certify")
        parser.add_argument("--signer", help="the person with authority's full name")
        parser.add_argument(
            "--pkcs12", action="store_true", help="keep the keys in PKCS#12 files, not the token"
        )

    def handle(self, *args, unit=None, signer=None, pkcs12=False, **options):
        keys.ensure_demo_ca()
        keys.ensure_token()
        self.stdout.write(f"Demo CA and token in {keys.signing_dir()}")
        if unit is None:
            return
        found = Unit.objects.filter(code=unit).first()
        if found is None:
            raise CommandError(f"No unit with the code {unit!r}.")
        if not signer:
            raise CommandError("--signer: the person with authority's full name.")
        source = SigningIdentity.Source.PKCS12 if pkcs12 else SigningIdentity.Source.PKCS11
        keys.issue_identity(unit=found, kind=SigningIdentity.Kind.PERSON, holder_name=signer, source=source)
        keys.issue_identity(
            unit=found, kind=SigningIdentity.Kind.ORGANISATION, holder_name=found.name, source=source
        )
        self.stdout.write(f"Certificates of {signer} and {found.name} issued by the demo CA")
