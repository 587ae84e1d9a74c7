"""RSS and Atom feeds of the portal: only what the portal shows (published, time has come)."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from publishing import selectors
from publishing.models import Article

FEED_SIZE = 30


class LatestArticlesFeed(Feed):
    def title(self) -> str:
        return _("%(organisation)s – news") % {"organisation": settings.THIDUA_ORGANISATION_NAME}

    def link(self) -> str:
        return reverse("publishing:portal_home")

    def description(self) -> str:
        return _("Good people, good deeds, advanced models and union activities.")

    def items(self):
        return selectors.public_articles()[:FEED_SIZE]

    def item_title(self, item: Article) -> str:
        return item.title

    def item_description(self, item: Article) -> str:
        # RSS <description> and Atom <summary type="html"> are HTML to a reader: the lead is plain text
        # (the portal shows "<b>" as typed), so it goes escaped. Titles and names are text elements.
        return escape(item.lead)

    def item_link(self, item: Article) -> str:
        return item.get_public_url()

    def item_pubdate(self, item: Article):
        return item.publish_at

    def item_updateddate(self, item: Article):
        assert item.publish_at is not None  # the feed lists published articles
        return max(item.updated_at, item.publish_at)

    def item_categories(self, item: Article):
        return [item.category.name]

    def item_author_name(self, item: Article) -> str:
        return item.byline or item.unit.name


class LatestArticlesAtomFeed(LatestArticlesFeed):
    feed_type = Atom1Feed

    def subtitle(self) -> str:
        return self.description()
