"""Queries of the staff queue pages and the applicant's tracking page: bounded, and the same at
two data sizes (docs/performance.md: staff queues at most 8)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from permohonan import tracking
from permohonan.queues import QUEUES
from ppid_portal.roles import Role

from .factories import assigned, objected, submit_desk, submit_online, verified

pytestmark = pytest.mark.django_db

QUEUE_BUDGET = 8
TRACKING_BUDGET = 9


def _fill(users, n: int) -> None:
    """n requests in each queue's state (new, to complete, to assign, assigned, objected)."""
    from permohonan import workflow

    for _ in range(n):
        submit_desk(users[Role.DESK])
        p, _code = submit_desk(users[Role.DESK])
        workflow.permohonan_request_completion(
            permohonan_id=p.pk, actor=users[Role.DESK], kekurangan="Lengkapi KTP."
        )
        verified(users)
        assigned(users)
        objected(users)


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


@pytest.mark.parametrize("key", sorted(QUEUES))
def test_queue_pages_stay_within_budget_at_two_sizes(
    client, users, key, django_assert_max_num_queries
):
    roles = QUEUES[key][1]
    url = reverse(QUEUES[key][3])
    client.force_login(users[roles[0]])
    _fill(users, 1)
    client.get(url)  # the holiday calendar of the year is filled once
    with django_assert_max_num_queries(QUEUE_BUDGET):
        client.get(url)
    small = _queries(client, url)
    _fill(users, 4)
    with django_assert_max_num_queries(QUEUE_BUDGET):
        client.get(url)
    assert _queries(client, url) == small


def test_tracking_page_queries_do_not_grow(client, users, django_assert_max_num_queries):
    _fill(users, 1)
    permohonan, code = submit_online()
    client.get(reverse("permohonan:lacak_tautan", args=[tracking.normalize(code)]))
    url = reverse("permohonan:lacak_detail", args=[permohonan.pk])
    client.get(url)
    small = _queries(client, url)
    _fill(users, 3)
    with django_assert_max_num_queries(TRACKING_BUDGET):
        client.get(url)
    assert _queries(client, url) == small
