#!/usr/bin/env python3
"""Reads dxserve's DCAT catalog as RDF (rdflib, JSON-LD) and checks the triples a CKAN DCAT
harvester (ckanext-dcat, DCAT-AP profile) reads for each dataset. Then fetches every
distribution URL: a harvester's users will.

    python3 scripts/check-catalog.py http://127.0.0.1:PORT

Exit 0 when nothing is missing; 1 otherwise, after listing every missing triple.
"""
import json
import sys
import urllib.request

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, XSD

VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
IANA = "https://www.iana.org/assignments/media-types/"
TIMEOUT = 10


def fetch(url, accept=None):
    request = urllib.request.Request(url, headers={"Accept": accept} if accept else {})
    with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
        return response.status, response.headers.get("Content-Type", ""), response.read()


class Check:
    def __init__(self):
        self.checked = 0
        self.missing = []

    def need(self, ok, what):
        self.checked += 1
        if not ok:
            self.missing.append(what)
        return ok


def main(base):
    catalog_url = base.rstrip("/") + "/api/v1/catalog"
    status, content_type, body = fetch(catalog_url, accept="application/ld+json")
    check = Check()
    check.need(status == 200, f"GET {catalog_url} answered {status}")
    check.need(content_type.startswith("application/ld+json"), f"catalog Content-Type is {content_type!r}")
    graph = Graph().parse(data=body, format="json-ld", base=catalog_url)

    catalogs = list(graph.subjects(RDF.type, DCAT.Catalog))
    check.need(len(catalogs) == 1, f"exactly one dcat:Catalog (found {len(catalogs)})")
    if not catalogs:
        return report(check, 0, 0)
    catalog = catalogs[0]
    datasets = list(graph.objects(catalog, DCAT.dataset))
    check.need(len(datasets) > 0, "catalog -> dcat:dataset")
    distributions = 0
    for dataset in datasets:
        name = str(graph.value(dataset, DCTERMS.identifier) or dataset)
        check.need((dataset, RDF.type, DCAT.Dataset) in graph, f"{name}: rdf:type dcat:Dataset")
        for prop, label in ((DCTERMS.title, "dct:title"), (DCTERMS.description, "dct:description")):
            languages = {o.language for o in graph.objects(dataset, prop) if isinstance(o, Literal)}
            check.need({"ja", "en"} <= languages, f"{name}: {label} in ja and en (found {sorted(filter(None, languages))})")
        check.need(any(True for _ in graph.objects(dataset, DCAT.keyword)), f"{name}: dcat:keyword")

        publisher = graph.value(dataset, DCTERMS.publisher)
        if check.need(publisher is not None, f"{name}: dct:publisher"):
            check.need(graph.value(publisher, FOAF.name) is not None, f"{name}: publisher foaf:name")
            check.need(str(graph.value(publisher, DCTERMS.identifier)) == "452025", f"{name}: publisher dct:identifier 452025")
        check.need(isinstance(graph.value(dataset, DCTERMS.license), URIRef), f"{name}: dct:license (an IRI)")

        modified = graph.value(dataset, DCTERMS.modified)
        check.need(isinstance(modified, Literal) and modified.datatype in (XSD.dateTime, XSD.date)
                   and not getattr(modified, "ill_typed", False),
                   f"{name}: dct:modified as xsd:dateTime or xsd:date (found {modified!r})")

        temporal = graph.value(dataset, DCTERMS.temporal)
        if check.need(temporal is not None, f"{name}: dct:temporal"):
            start, end = graph.value(temporal, DCAT.startDate), graph.value(temporal, DCAT.endDate)
            check.need(isinstance(start, Literal) and start.datatype == XSD.date, f"{name}: temporal dcat:startDate xsd:date")
            check.need(isinstance(end, Literal) and end.datatype == XSD.date, f"{name}: temporal dcat:endDate xsd:date")
            if start is not None and end is not None:
                check.need(str(start) <= str(end), f"{name}: temporal starts before it ends ({start} .. {end})")
        check.need(graph.value(dataset, DCTERMS.spatial) is not None, f"{name}: dct:spatial")

        contact = graph.value(dataset, DCAT.contactPoint)
        if check.need(contact is not None, f"{name}: dcat:contactPoint"):
            check.need(graph.value(contact, VCARD.fn) is not None, f"{name}: contact vcard:fn")
            email = graph.value(contact, VCARD.hasEmail)
            check.need(email is not None and str(email).startswith("mailto:"), f"{name}: contact vcard:hasEmail mailto:")

        dists = list(graph.objects(dataset, DCAT.distribution))
        distributions += len(dists)
        media_types = set()
        collection = False
        for dist in dists:
            label = f"{name} distribution {dist}"
            access, download = graph.value(dist, DCAT.accessURL), graph.value(dist, DCAT.downloadURL)
            check.need(access is not None or download is not None, f"{label}: dcat:accessURL or dcat:downloadURL")
            media = graph.value(dist, DCAT.mediaType)
            check.need(isinstance(media, URIRef) and str(media).startswith(IANA), f"{label}: dcat:mediaType (IANA IRI)")
            media_type = str(media)[len(IANA):] if media is not None else ""
            media_types.add(media_type)
            for url, kind in ((access, "accessURL"), (download, "downloadURL")):
                if url is None:
                    continue
                ok = check.need(isinstance(url, URIRef) and str(url).startswith(("http://", "https://")),
                                f"{label}: {kind} is an absolute http URI ({url})")
                if not ok:
                    continue
                got, got_type, data = fetch(str(url))
                check.need(got == 200, f"{label}: GET {url} answered {got}")
                if kind == "downloadURL":
                    check.need(got_type.startswith(media_type), f"{label}: {url} is {got_type!r}, not {media_type}")
                if media_type == "application/json" and got_type.startswith("application/json"):
                    document = json.loads(data)
                    collection = collection or (isinstance(document, dict) and "data" in document and "meta" in document)
        check.need(len(dists) >= 1 and "application/json" in media_types, f"{name}: a JSON dcat:distribution")
        # The API contract: every collection is also served as CSV, so its dataset has both
        # distributions; a single document (the plan, governance, progress) has JSON only.
        if collection:
            check.need(len(dists) >= 2 and "text/csv" in media_types, f"{name}: a collection with JSON and CSV distributions")
    return report(check, len(datasets), distributions)


def report(check, datasets, distributions):
    for what in check.missing:
        print(f"missing: {what}", file=sys.stderr)
    print(f"catalog: {datasets} datasets, {distributions} distributions, {check.checked} triples checked, "
          f"{len(check.missing)} missing")
    return 1 if check.missing else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1]))
