"""Demo data of signing: the demo CA, the SoftHSM2 token, and the province's two certificates
(the chairman as the person with authority, the federation as the organisation), made before
awards.demo issues its decision, which the task worker then signs."""

from core.demo import DemoContext
from organisations.models import Unit
from signing import keys
from signing.models import SigningIdentity

# The chairman who signs the demo decision (awards/demo.py prints this name as its signer).
DEMO_SIGNER = "Lương Văn Thắng"


def load(ctx: DemoContext) -> None:
    province: Unit = ctx.data["province"]
    try:
        keys.ensure_demo_ca()
        keys.ensure_token()
        for kind, holder in (
            (SigningIdentity.Kind.PERSON, DEMO_SIGNER),
            (SigningIdentity.Kind.ORGANISATION, province.name),
        ):
            if not SigningIdentity.objects.filter(unit=province, kind=kind, active=True).exists():
                keys.issue_identity(unit=province, kind=kind, holder_name=holder)
    except (keys.SigningUnavailable, OSError) as exc:  # no SoftHSM2 here: the demo runs unsigned
        ctx.log(f"  signing: no token ({exc}); decisions stay unsigned")
        return
    ctx.log(f"  signing: demo CA and token in {keys.signing_dir()}, certificates of {province.name}")
