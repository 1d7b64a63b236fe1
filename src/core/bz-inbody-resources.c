/* bz-inbody-resources.c — the tables of bz-inbody-resources.h. */
#include "bz-inbody-resources.h"

BZ_RESOURCE_DEFINE (bz_segmental_lean, SEGMENTAL_LEAN, "SegmentalLeanMass", "Lean mass per segment (InBody Segmental Lean Analysis)", BZ_SEGMENTAL_LEAN_FIELDS)
BZ_RESOURCE_DEFINE (bz_segmental_fat, SEGMENTAL_FAT, "SegmentalFatMass", "Fat mass per segment (InBody Segmental Fat Analysis)", BZ_SEGMENTAL_FAT_FIELDS)
BZ_RESOURCE_DEFINE (bz_bioimpedance, BIOIMPEDANCE, "Bioimpedance", "What a bioelectrical impedance analyser reports beyond weight, body fat and muscle; null members were not reported", BZ_BIOIMPEDANCE_FIELDS)
BZ_RESOURCE_DEFINE (bz_scan_import_form, SCAN_IMPORT_FORM, "ScanImportForm", "An InBody export to import (multipart/form-data)", BZ_SCAN_IMPORT_FORM_FIELDS)
BZ_RESOURCE_DEFINE (bz_scan_import_query, SCAN_IMPORT_QUERY, "ScanImportQuery", "Query of POST /api/upload/scan-data", BZ_SCAN_IMPORT_QUERY_FIELDS)
BZ_RESOURCE_DEFINE (bz_scan_import, SCAN_IMPORT, "ScanImport", "The scans an InBody export stored", BZ_SCAN_IMPORT_FIELDS)
