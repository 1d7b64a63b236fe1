/* bz-device-resources.c — the tables of bz-device-resources.h. */
#include "bz-device-resources.h"

BZ_RESOURCE_DEFINE (bz_device, DEVICE, "Device", "A phone paired with the desk's QR code", BZ_DEVICE_FIELDS)
BZ_RESOURCE_DEFINE (bz_device_list, DEVICE_LIST, "DeviceList", "Paired devices", BZ_DEVICE_LIST_FIELDS)
BZ_RESOURCE_DEFINE (bz_device_query, DEVICE_QUERY, "DeviceQuery", "Query of GET /api/v1/devices", BZ_DEVICE_QUERY_FIELDS)
BZ_RESOURCE_DEFINE (bz_pairing_code_create, PAIRING_CODE_CREATE, "PairingCodeCreate",
                    "Whose phone a new pairing code is for", BZ_PAIRING_CODE_CREATE_FIELDS)
BZ_RESOURCE_DEFINE (bz_pairing_code, PAIRING_CODE, "PairingCode",
                    "A one-time pairing code and what the desk's QR code shows", BZ_PAIRING_CODE_FIELDS)
BZ_RESOURCE_DEFINE (bz_pair_request, PAIR_REQUEST, "PairRequest", "A phone exchanging a pairing code", BZ_PAIR_REQUEST_FIELDS)
BZ_RESOURCE_DEFINE (bz_pair_result, PAIR_RESULT, "PairResult", "A paired device's tokens", BZ_PAIR_RESULT_FIELDS)
BZ_RESOURCE_DEFINE (bz_tls_info, TLS_INFO, "TlsInfo", "The server's HTTPS endpoint and certificate fingerprint",
                    BZ_TLS_INFO_FIELDS)
