import factory

from ppid_portal.models import UnitKerja, User


class UnitKerjaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = UnitKerja
        django_get_or_create = ("kode",)

    kode = factory.Sequence(lambda n: f"unit-{n}")
    nama = factory.Sequence(lambda n: f"Sub-bagian Uji {n}")
    kepala = factory.LazyAttribute(lambda o: f"Kepala {o.nama}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"pengguna{n}")
    first_name = factory.Faker("first_name", locale="id_ID")
    last_name = factory.Faker("last_name", locale="id_ID")
    email = factory.LazyAttribute(lambda o: f"{o.username}@contoh.go.id")
    password = factory.django.Password("sandi-uji-123")
