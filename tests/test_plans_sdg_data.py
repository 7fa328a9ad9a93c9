"""The shipped SDG vocabulary in Kazakh: every target has the Bureau of National Statistics'
Kazakh text, the pages show it unmarked, and a target without it falls back, marked."""

import pytest

from plans.demo import load_sdgs
from plans.models import SdgGoal, SdgTarget

from . import factories

pytestmark = pytest.mark.django_db

# As the Bureau of National Statistics words them (plans/data/README.md).
KK_16_3 = (
    "Ұлттық және халықаралық деңгейлерде құқық үстемдігіне жәрдемдесу және барлығын әділ "
    "сотқа тең қолжетімділікпен қамтамасыз ету"
)
KK_GOAL_16 = (
    "Тұрақты даму мүдделерінде бейбіт және ашық қоғамның құрылуына жәрдемдесу, барлығы үшін "
    "сот әділдігіне қол жеткізу мүмкіндігін қамтамасыз ету және барлық деңгейлерде тиімді, "
    "есеп беруге міндетті және кең қатысуға негізделген мекемелерді құру"
)
# Letters Russian does not have: their presence says the text is Kazakh, not a copy.
KAZAKH_LETTERS = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")


def snapshot() -> list:
    return [list(SdgGoal.objects.values_list()), list(SdgTarget.objects.values_list())]


def test_every_shipped_target_and_goal_has_its_kazakh_text():
    load_sdgs()
    targets = SdgTarget.objects.all()
    assert targets.count() == 169
    for target in targets:
        assert target.text_kk, target.number
        assert target.text_kk != target.text_ru, target.number
        assert KAZAKH_LETTERS & set(target.text_kk), target.number
        assert target.text_kk == " ".join(target.text_kk.split()), target.number
    assert SdgTarget.objects.get(number="16.3").text_kk == KK_16_3
    assert SdgGoal.objects.get(number=16).name_kk == KK_GOAL_16
    for goal in SdgGoal.objects.all():
        assert KAZAKH_LETTERS & set(goal.name_kk), goal.number

    first = snapshot()
    load_sdgs()
    assert snapshot() == first


def test_a_un_recommendation_shows_its_target_in_kazakh_unmarked(client):
    load_sdgs()
    target = SdgTarget.objects.get(number="16.3")
    record = factories.outside_recommendation()
    record.sdg_targets.add(target)

    html = client.get("/kk" + record.get_absolute_url()).content.decode()
    assert f"<strong>16.3</strong> {KK_16_3} <span" in html
    assert f"({KK_GOAL_16})" in html


def test_a_target_without_kazakh_text_falls_back_to_russian_marked(client):
    load_sdgs()
    target = SdgTarget.objects.get(number="16.3")
    SdgTarget.objects.filter(pk=target.pk).update(text_kk=None)
    record = factories.outside_recommendation()
    record.sdg_targets.add(target)

    html = client.get("/kk" + record.get_absolute_url()).content.decode()
    assert KK_16_3 not in html
    assert (
        f'<strong>16.3</strong> <span lang="ru">{target.text_ru}</span> <small class="fallback">'
        in html
    )
