"""Demo publishing data: a dozen advanced models from the seed plan's movements (some replicated),
thirty articles in every editorial state written by the demo users, and last month's bulletin
with its PDF. Everything goes through the services, so the trail and the rules are real."""

import calendar
import datetime as dt
import io
import random

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone, translation
from PIL import Image, ImageDraw

from accounts.models import User
from core.demo import DemoContext
from organisations.models import Unit
from publishing import bulletin, services
from publishing.demo_texts import ARTICLES, MODELS
from publishing.models import AdvancedModel, Article, ArticleEvent, Category

Status = Article.Status


class Places:
    """Resolves the demo texts' unit keys ("hoaan:Trạm Y tế") to a unit and the demo user who writes for it."""

    def __init__(self, ctx: DemoContext):
        self.users = ctx.data["users"]
        self.province = ctx.data["province"]
        self.hoa_an = Unit.objects.get(code="LDLD-HOAAN")

    def user(self, username: str):
        return self.users.get(username) or self.users["canbo.tinh"]

    @staticmethod
    def _first(units, words: str) -> Unit | None:
        """The first unit whose name holds one of the "|"-separated words, tried in order."""
        for word in words.split("|"):
            unit = units.filter(name__contains=word).order_by("depth", "code").first()
            if unit is not None:
                return unit
        return None

    def _under(self, code: str, words: str) -> Unit:
        parent = Unit.objects.get(code=code)
        if not words:
            return parent
        units = Unit.objects.filter(path__startswith=parent.path).exclude(pk=parent.pk)
        return self._first(units, words) or units.order_by("code").first() or parent

    def resolve(self, key: str) -> tuple[Unit, User]:
        area, _, words = key.partition(":")
        if area == "cdcs":
            return self.users["canbo.cdcs"].home_unit, self.users["canbo.cdcs"]
        if area in ("hoaan", "baolac") and not words:
            # the district federations ended on 1/7/2025: news of the area comes from the province
            return self.province, self.user("canbo.tinh")
        if area == "hoaan":
            return self._under("LDLD-HOAAN", words), self.user("canbo.hoaan")
        if area == "baolac":
            return self._under("LDLD-BLAC", words), self.user("canbo.baolac")
        if area == "gd":
            return self._under("CDGD", words), self.user("canbo.giaoduc")
        unit = self._first(Unit.objects.filter(path__startswith=self.province.path), words) if words else None
        return unit or self.province, self.user("canbo.tinh")

    def reviewer(self, unit: Unit):
        """The district editor for Hòa An's units, the provincial editor for the rest."""
        if unit.path.startswith(self.hoa_an.path) and "bientap.hoaan" in self.users:
            return self.users["bientap.hoaan"]
        return self.users["bientap"]


def demo_image(color: tuple[int, int, int], seed: int) -> SimpleUploadedFile:
    """A flat illustration of Cao Bằng's karst hills under a morning sky, in the story's colour."""
    rng = random.Random(seed)
    width, height = 1400, 900
    image = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(image)
    for y in range(height):  # sky
        t = y / height
        draw.line([(0, y), (width, y)], fill=(int(236 - 40 * t), int(242 - 30 * t), int(250 - 10 * t)))
    sun_x = rng.randint(200, 1200)
    draw.ellipse([sun_x - 70, 120, sun_x + 70, 260], fill=(255, 214, 120))
    for layer in range(4):  # hills, far to near
        shade = [max(0, min(255, int(c * (0.55 + 0.15 * layer) + 40 * (3 - layer)))) for c in color]
        base = 430 + layer * 120
        points = [(0, height)]
        x = -100
        while x < width + 200:
            peak = base - rng.randint(90, 260 - layer * 30)
            step = rng.randint(140, 260)
            points += [(x, base), (x + step // 2, peak), (x + step, base)]
            x += step - rng.randint(10, 60)
        points.append((width, height))
        draw.polygon(points, fill=tuple(shade))
    for _ in range(3):  # rice terraces
        y = rng.randint(760, 860)
        draw.line([(0, y), (width, y - rng.randint(-30, 30))], fill=(240, 240, 200), width=3)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=88)
    return SimpleUploadedFile(f"anh-{seed}.jpg", buffer.getvalue(), content_type="image/jpeg")


def _month_start(today: dt.date, months_back: int) -> dt.date:
    first = today.replace(day=1)
    for _ in range(months_back):
        first = (first - dt.timedelta(days=1)).replace(day=1)
    return first


def _moment(now: dt.datetime, months_back: int, day: int, hour: int, index: int) -> dt.datetime:
    """A past moment in a month before this one (or earlier this month); never in the future."""
    first = _month_start(timezone.localdate(now), months_back)
    day = min(day, calendar.monthrange(first.year, first.month)[1])
    moment = timezone.make_aware(dt.datetime(first.year, first.month, day, hour, (index * 7) % 60))
    return min(moment, now - dt.timedelta(hours=3 + index))


def _date(value: tuple[int, int, int], floor: dt.date) -> dt.date:
    return max(min(dt.date(*value), timezone.localdate()), floor)


def _load_models(ctx: DemoContext, places: Places) -> dict[str, AdvancedModel]:
    models = {}
    for (
        key,
        unit_key,
        kind,
        person,
        position,
        movement,
        field,
        title,
        summary,
        results,
        figures,
        start,
        end,
        stages,
        replications,
    ) in MODELS:
        unit, officer = places.resolve(unit_key)
        period_start = dt.date(*start, 1)
        period_end = dt.date(end[0], end[1], calendar.monthrange(*end)[1]) if end else None
        found_on = min(period_start + dt.timedelta(days=45), timezone.localdate())
        if stages:
            found_on = min(found_on, dt.date(*stages[0][1]))
        model = services.create_model(
            actor=officer,
            unit=unit,
            title=title,
            kind=kind,
            person_name=person,
            person_position=position,
            summary=summary,
            results=results,
            period_start=period_start,
            period_end=period_end,
            movement=movement,
            field_of_work=field,
            found_on=found_on,
            figures=figures,
        )
        for _stage, on in stages:
            model = services.advance_model(
                model,
                actor=officer,
                on=_date(on, model.stage_changed_on),
                note="Theo đề nghị của Ban Thường vụ",
            )
        for adopter_key, on, outcome in replications:
            adopter, _writer = places.resolve(adopter_key)
            try:
                services.record_replication(
                    model, actor=officer, unit=adopter, adopted_on=_date(on, period_start), results=outcome
                )
            except ValidationError:
                continue  # a small demo tree may not have that unit: the model stays with fewer replications
        model.refresh_from_db()
        models[key] = model
    return models


def _backdate(article: Article, moment: dt.datetime) -> None:
    """Spread the editorial trail over the days before `moment` (the services stamp "now")."""
    events = list(ArticleEvent.objects.filter(article=article).order_by("at", "pk"))
    for index, event in enumerate(events):
        event.at = moment - dt.timedelta(hours=9 * (len(events) - 1 - index))
    ArticleEvent.objects.bulk_update(events, ["at"])
    Article.objects.filter(pk=article.pk).update(created_at=events[0].at, updated_at=events[-1].at)


def _load_articles(ctx: DemoContext, places: Places, models: dict[str, AdvancedModel]) -> list[Article]:
    now = timezone.now()
    publisher = ctx.data["users"]["bientap"]
    categories = {c.slug: c for c in Category.objects.all()}
    articles = []
    for index, (
        status,
        months_back,
        day,
        hour,
        unit_key,
        category,
        title,
        lead,
        body,
        color,
        model_key,
        return_comment,
    ) in enumerate(ARTICLES):
        unit, writer = places.resolve(unit_key)
        reviewer = places.reviewer(unit)
        model = models.get(model_key) if model_key else None
        moment = (
            now + dt.timedelta(days=3)
            if status == "scheduled"
            else _moment(now, months_back, day, hour, index)
        )
        article = services.create_article(
            actor=writer,
            unit=unit,
            category=categories[category],
            title=title,
            lead=lead,
            body=body,
            byline=f"Bài, ảnh: {writer.full_name}" if color else writer.full_name,
            image=demo_image(color, ctx.seed + index) if color else None,
            image_caption=title if color else "",
            advanced_models=[model] if model else [],
            related_units=[unit] if unit.depth > 1 else [],
            campaign_reference=model.get_movement_display() if model and model.movement else "",
            award_decision_reference="Quyết định số 215/QĐ-LĐLĐ của Ban Thường vụ LĐLĐ tỉnh Cao Bằng"
            if category == "thi-dua-khen-thuong" and status in ("published", "scheduled")
            else "",
        )
        if status != "draft":
            if return_comment and status != "returned":
                # this one went back once before it was accepted
                services.submit_article(article, actor=writer)
                services.return_article(article, actor=reviewer, comment=return_comment)
                services.update_article(article, actor=writer, lead=lead)
            services.submit_article(article, actor=writer)
            if status == "returned":
                assert return_comment is not None  # a returned article says why
                services.return_article(article, actor=reviewer, comment=return_comment)
            elif status != "submitted":
                services.approve_article(article, actor=reviewer, comment="Đồng ý, đề nghị đăng.")
                if status in ("published", "scheduled"):
                    services.publish_article(article, actor=publisher, publish_at=moment)
        _backdate(article, min(moment, now))
        article.refresh_from_db()
        articles.append(article)
    return articles


def _load_bulletin(ctx: DemoContext, places: Places):
    """Last month's provincial bulletin, its summary article first, printed now."""
    last_month = _month_start(timezone.localdate(), 1)
    editor = ctx.data["users"]["bientap"]
    issue = services.create_bulletin(
        actor=editor,
        publisher=places.province,
        period_kind="month",
        year=last_month.year,
        period_index=last_month.month,
        issued_on=_month_start(timezone.localdate(), 0),
    )
    summary = issue.entries.filter(article__unit=places.province).order_by("position").first()
    if summary is not None:
        for _ in range(summary.position - 1):
            services.move_bulletin_entry(issue, actor=editor, entry_id=summary.pk, direction="up")
    with translation.override("vi"):
        bulletin.generate_bulletin_pdf(issue.pk)
    issue.refresh_from_db()
    return issue


def load(ctx: DemoContext) -> None:
    places = Places(ctx)
    models = _load_models(ctx, places)
    articles = _load_articles(ctx, places, models)
    issue = _load_bulletin(ctx, places)
    ctx.data.update(advanced_models=list(models.values()), articles=articles, bulletin=issue)
    ctx.log(
        f"  {len(models)} advanced models, {len(articles)} articles "
        f"({sum(a.status == Status.PUBLISHED for a in articles)} published), "
        f"bulletin {issue.period_label}: {issue.page_count} pages"
    )
