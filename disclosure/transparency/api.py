"""The county logs in the public API, /api/v1/log/<county code>/: what the log is (its origin,
size, root, verifier keys and newest checkpoint with its cosigners) and the same proofs as
/log/<county code>/proof/… (proofs.py describes them)."""

import base64

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ParseError
from rest_framework.response import Response
from rest_framework.views import APIView

from disclosure.web.api import PublicReadOnly

from . import proofs, services
from .errors import LogError


class WitnessSerializer(serializers.Serializer):
    name = serializers.CharField(help_text=_("The witness's key name"))
    operator = serializers.CharField(help_text=_("Who runs the witness"))


class CosignedSerializer(serializers.Serializer):
    size = serializers.IntegerField()
    cosigners = WitnessSerializer(many=True)


class LogSerializer(serializers.Serializer):
    origin = serializers.CharField(help_text=_("The first line of every checkpoint"))
    county = serializers.DictField(child=serializers.CharField())
    size = serializers.IntegerField(help_text=_("Number of leaves"))
    root = serializers.CharField(help_text=_("Root hash, base64"))
    verifier_keys = serializers.ListField(
        child=serializers.CharField(), help_text=_("Signed-note verifier keys of the log")
    )
    checkpoint = serializers.CharField(help_text=_("The newest checkpoint as a signed note"))
    cosigners = WitnessSerializer(many=True)
    newest_cosigned = CosignedSerializer(allow_null=True)


class InclusionSerializer(serializers.Serializer):
    index = serializers.IntegerField()
    size = serializers.IntegerField()
    leaf = serializers.CharField()
    hashes = serializers.ListField(child=serializers.CharField(), help_text=_("base64"))


class ConsistencySerializer(serializers.Serializer):
    old = serializers.IntegerField()
    new = serializers.IntegerField()
    hashes = serializers.ListField(child=serializers.CharField(), help_text=_("base64"))


def _witnesses(witnesses) -> list[dict]:
    return [{"name": witness.name, "operator": witness.operator} for witness in witnesses]


def _log(code: str):
    log = services.log_for_code(code)
    if log is None or log.size == 0:
        raise Http404
    return log


class PublicLogView(APIView):
    authentication_classes = []
    permission_classes = [PublicReadOnly]


class LogView(PublicLogView):
    @extend_schema(responses=LogSerializer, summary=str(_("A county's transparency log")))
    def get(self, request, code):
        log = _log(code)
        newest = services.newest_checkpoint(log)
        cosigned = services.newest_cosigned_checkpoint(log)
        return Response(
            {
                "origin": log.origin,
                "county": {"code": log.county.code, "name": log.county.name},
                "size": newest.size,
                "root": base64.b64encode(newest.root).decode(),
                "verifier_keys": services.verifier_keys(log),
                "checkpoint": services.served_note(newest),
                "cosigners": _witnesses(services.cosigners(newest)),
                "newest_cosigned": cosigned
                and {"size": cosigned.size, "cosigners": _witnesses(services.cosigners(cosigned))},
            }
        )


def _proof(request, code, document):
    try:
        return Response(document(_log(code), request.query_params))
    except LogError as error:
        raise ParseError(error.translated()) from None


class InclusionView(PublicLogView):
    @extend_schema(
        responses=InclusionSerializer,
        parameters=[
            OpenApiParameter("index", int, description=_("Position of the leaf, from 0")),
            OpenApiParameter("digest", str, description=_("Or: the revision digest it names")),
            OpenApiParameter("size", int, description=_("Tree size; the newest by default")),
        ],
    )
    def get(self, request, code):
        return _proof(request, code, proofs.inclusion_document)


class ConsistencyView(PublicLogView):
    @extend_schema(
        responses=ConsistencySerializer,
        parameters=[
            OpenApiParameter("old", int, required=True, description=_("The earlier tree size")),
            OpenApiParameter(
                "new", int, description=_("The later tree size; the newest by default")
            ),
        ],
    )
    def get(self, request, code):
        return _proof(request, code, proofs.consistency_document)
