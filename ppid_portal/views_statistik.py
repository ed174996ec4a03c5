"""The statistics pages: public figures for anyone, and the staff page that adds the figures
only staff may read (survey comments, requests per unit). Every figure comes from the registry
in `ppid_portal.statistik`; each is drawn as SVG, printed as a table and downloadable as CSV
(`?unduh=<key>`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.http import Http404
from django.utils import formats
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from . import charts, dates, statistik
from .access import ActionRequiredMixin
from .documents import csv_response
from .forms import PeriodeForm


def cell(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return _("Ya") if value else _("Tidak")
    if isinstance(value, date):
        return dates.tanggal(value)
    if isinstance(value, float):
        value = round(value, 2)
        return formats.number_format(int(value) if value.is_integer() else value)
    if isinstance(value, int):
        return formats.number_format(value)
    return str(value)


@dataclass
class Tampilan:
    """A figure as the page shows it: the chart, the cells and which columns are numbers."""

    tabel: statistik.Tabel
    svg: str
    header: list[tuple[str, bool]]
    rows: list[list[tuple[str, bool]]]


def tampilan(tabel: statistik.Tabel) -> Tampilan:
    numeric = [
        any(isinstance(row[i], (int, float)) and not isinstance(row[i], bool) for row in tabel.rows)
        for i in range(len(tabel.header))
    ]
    return Tampilan(
        tabel=tabel,
        svg=charts.render(tabel),
        header=[(str(h), numeric[i]) for i, h in enumerate(tabel.header)],
        rows=[[(cell(v), numeric[i]) for i, v in enumerate(row)] for row in tabel.rows],
    )


class StatistikView(ActionRequiredMixin, TemplateView):
    """Public (anyone): statistics of requests, objections, the DIP, the satisfaction survey
    and page views for a year or a month, as charts, tables and CSV."""

    action = "portal.statistik.view"
    template_name = "portal/statistik.html"
    staf = False

    def get(self, request, *args, **kwargs):
        self.form = PeriodeForm(request.GET or None)
        self.periode = self.form.periode()
        self.hasil = statistik.build(self.periode, staf=self.staf)
        key = request.GET.get("unduh")
        if key:
            return self.csv(key)
        return super().get(request, *args, **kwargs)

    def csv(self, key: str):
        for hasil in self.hasil:
            for tabel in hasil.tabel:
                if tabel.key == key:
                    return csv_response(
                        f"statistik-{tabel.key}-{self.periode.slug}",
                        [str(h) for h in tabel.header],
                        tabel.rows,
                    )
        raise Http404(_("Tabel statistik tidak ditemukan."))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        query.pop("unduh", None)
        context.update(
            form=self.form,
            periode=self.periode,
            staf=self.staf,
            query_string=query.urlencode(),
            bagian_list=[
                (hasil.bagian, [tampilan(t) for t in hasil.tabel]) for hasil in self.hasil
            ],
        )
        return context


class StatistikStafView(StatistikView):
    """Desk, PPID, Atasan PPID, Pembina: the public statistics plus the staff-only figures
    (survey comments, requests per unit)."""

    action = "portal.statistik.staf"
    staf = True
