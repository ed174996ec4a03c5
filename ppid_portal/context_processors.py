from django.conf import settings

from .access import user_roles


def office(request):
    roles = user_roles(request.user) if hasattr(request, "user") else frozenset()
    return {
        "office_name": settings.PPID_OFFICE_NAME,
        "office_address": settings.PPID_OFFICE_ADDRESS,
        "office_email": settings.PPID_OFFICE_EMAIL,
        "office_phone": settings.PPID_OFFICE_PHONE,
        "ppid_roles": sorted(r.value for r in roles),
        "is_ppid_staff": bool(roles),
    }
