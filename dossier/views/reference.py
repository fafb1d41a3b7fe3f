"""The field catalogue and the administrative units: read by everyone signed in."""

from rest_framework import mixins, viewsets

from dossier.models import FieldDefinition
from dossier.selectors.catalogue import fields_in_force
from dossier.selectors.dossiers import administrative_unit_list
from dossier.serializers.dossiers import AdministrativeUnitOutputSerializer, FieldDefinitionOutputSerializer


class FieldDefinitionViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """The catalogue fields in force today, group by group in NĐ 27's order."""

    serializer_class = FieldDefinitionOutputSerializer
    filterset_fields = ["group", "self_service"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation has no user
            return FieldDefinition.objects.none()
        return fields_in_force()


class AdministrativeUnitViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Provinces, former districts and communes, each with the unit it became part of (`current`)."""

    serializer_class = AdministrativeUnitOutputSerializer
    filterset_fields = ["level", "parent"]
    search_fields = ["name", "code"]

    def get_queryset(self):
        return administrative_unit_list()
