"""SDMX-ML 2.1 structures of a publication: codelists, concepts, one DSD and dataflow per indicator.

Why one data structure per indicator: indicators have different breakdowns, and a DSD per
indicator lists exactly the dimensions its data have (REF_AREA, its breakdowns, TIME_PERIOD), where
one DSD with an INDICATOR dimension would carry every breakdown of every indicator, filled with
"_T" where it does not apply. The codelists are shared: CL_AREA, one CL_<DIMENSION> per breakdown
dimension (each with "_T", the total), CL_UNIT_MEASURE and CL_OBS_STATUS.

Deviation from SDMX: OBS_STATUS "C" marks a confidential (suppressed) value; SDMX's cross-domain
codelists put confidentiality in CONF_STATUS. The value of such an observation is omitted.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

import pyarrow as pa
import pyarrow.compute as pc
from sdmx import message
from sdmx.model import common
from sdmx.model import v21 as m

from tendik.errors import UnknownCode
from tendik.publish.sdmx_ids import (
    AGENCY,
    VERSION,
    code_ids,
    codelist_id,
    dataflow_id,
    structure_id,
)
from tendik.publish.table import STATUS_NAMES, TOTAL, UNIT_NAMES, Publication
from tendik.reference import region

AREA = "REF_AREA"
CONCEPT_SCHEME = "CS_TENDIK"
CONCEPT_NAMES: dict[str, str] = {
    "REF_AREA": "Reference area",
    "TIME_PERIOD": "Time period",
    "OBS_VALUE": "Observation value",
    "UNIT_MEASURE": "Unit of measure",
    "OBS_STATUS": "Observation status",
    "COMMENT_OBS": "Comment on the observation",
}


@dataclass
class Structures:
    """The structure message, and what the data messages need from it."""

    message: message.StructureMessage
    agency: common.Agency
    dsds: dict[str, m.DataStructureDefinition] = field(default_factory=dict)
    flows: dict[str, m.DataflowDefinition] = field(default_factory=dict)
    codes: dict[str, dict[str, str]] = field(default_factory=dict)  # concept -> value -> code


def _maintained() -> dict[str, object]:
    return {"version": VERSION, "is_final": True, "is_external_reference": False}


def _distinct(tables: Iterable[pa.Table], column: str) -> list[str]:
    values: set[str] = set()
    for table in tables:
        if column in table.column_names:
            values.update(v for v in pc.unique(table.column(column)).to_pylist() if v is not None)
    return sorted(values)


def _description(concept: str, value: str, pub: Publication) -> dict[str, str] | None:
    """A human name for a code where tendik knows one (the project's area, Kazakh regions)."""
    if concept == AREA and value == pub.project.area and pub.project.settings.area_name:
        return {"en": pub.project.settings.area_name}
    if concept == "REGION":
        try:
            found = region(value)
        except (UnknownCode, KeyError):
            return None
        return {lang: found.name(lang) for lang in ("en", "ru", "kk")}
    return None


def _codelist(concept: str, ids: dict[str, str], agency: common.Agency, pub: Publication,
              total: bool) -> common.Codelist:
    codelist = common.Codelist(id=codelist_id("AREA" if concept == AREA else concept),
                               name=CONCEPT_NAMES.get(concept, concept.title().replace("_", " ")),
                               maintainer=agency, **_maintained())
    if total:
        codelist.append(common.Code(id=TOTAL, name="Total"))
    for value, code in ids.items():
        codelist.append(common.Code(id=code, name=value,
                                    description=_description(concept, value, pub)))
    return codelist


def _fixed_codelist(concept: str, names: dict[str, str],
                    agency: common.Agency) -> common.Codelist:
    codelist = common.Codelist(id=codelist_id(concept), name=CONCEPT_NAMES[concept],
                               maintainer=agency, **_maintained())
    for code, name in names.items():
        codelist.append(common.Code(id=code, name=name))
    return codelist


def _dsd(info_id: str, name: dict[str, str], dims: list[str], scheme: common.ConceptScheme,
         lists: dict[str, common.Codelist], agency: common.Agency) -> m.DataStructureDefinition:
    dsd = m.DataStructureDefinition(id=structure_id(info_id), name=name, maintainer=agency,
                                    **_maintained())
    for concept in (AREA, *dims):
        dsd.dimensions.getdefault(
            concept, concept_identity=scheme[concept],
            local_representation=common.Representation(enumerated=lists[concept]))
    dsd.dimensions.getdefault("TIME_PERIOD", cls=common.TimeDimension,
                              concept_identity=scheme["TIME_PERIOD"])
    dsd.measures.getdefault("OBS_VALUE", concept_identity=scheme["OBS_VALUE"])
    for concept in ("UNIT_MEASURE", "OBS_STATUS", "COMMENT_OBS"):
        representation = None
        if concept in lists:
            representation = common.Representation(enumerated=lists[concept])
        dsd.attributes.getdefault(concept, concept_identity=scheme[concept],
                                  local_representation=representation,
                                  related_to=m.PrimaryMeasureRelationship())
    return dsd


def build_structures(pub: Publication, tables: dict[str, pa.Table]) -> Structures:
    """Codelists, concepts, DSDs and dataflows for the indicators' publishing tables."""
    agency = common.Agency(id=AGENCY, name=pub.project.name)
    header = message.Header(id=f"{AGENCY}_STRUCTURE", prepared=datetime.now(), sender=agency)
    result = Structures(message.StructureMessage(header=header), agency)
    dims = sorted({d for info in pub.indicators for d in pub.dimensions(info)})
    scheme = common.ConceptScheme(id=CONCEPT_SCHEME, name="Concepts", maintainer=agency,
                                  **_maintained())
    for concept in [*CONCEPT_NAMES, *dims]:
        scheme.append(common.Concept(id=concept, name=CONCEPT_NAMES.get(concept, concept)))
    lists: dict[str, common.Codelist] = {}
    for concept in (AREA, *dims):
        result.codes[concept] = code_ids(_distinct(tables.values(), concept))
        lists[concept] = _codelist(concept, result.codes[concept], agency, pub,
                                   total=concept != AREA)
    units = {pub.catalogue_row(info)["unit_measure"] for info in pub.indicators}
    units.update(_distinct(tables.values(), "UNIT_MEASURE"))
    lists["UNIT_MEASURE"] = _fixed_codelist(
        "UNIT_MEASURE", {u: UNIT_NAMES.get(u, u) for u in sorted(units)}, agency)
    lists["OBS_STATUS"] = _fixed_codelist("OBS_STATUS", STATUS_NAMES, agency)
    for codelist in lists.values():
        result.message.add(codelist)
    result.message.add(scheme)
    for info in pub.indicators:
        dsd = _dsd(info.id, info.titles, pub.dimensions(info), scheme, lists, agency)
        flow = m.DataflowDefinition(
            id=dataflow_id(info.id), name=info.titles, structure=dsd, maintainer=agency,
            annotations=[m.Annotation(id="TENDIK_INDICATOR", type="TENDIK_INDICATOR",
                                      text=info.id)]
            + ([m.Annotation(id="SDG_INDICATOR", type="SDG_INDICATOR", text=info.sdg)]
               if info.sdg else []),
            **_maintained())
        result.dsds[info.id], result.flows[info.id] = dsd, flow
        result.message.add(dsd)
        result.message.add(flow)
    return result
