/* bz-body-analytics-resources.c — the tables of bz-body-analytics-resources.h. */
#include "bz-body-analytics-resources.h"

BZ_RESOURCE_DEFINE (bz_body_point, BODY_POINT, "BodyPoint", "A scan's value of a metric", BZ_BODY_POINT_FIELDS)
BZ_RESOURCE_DEFINE (bz_body_trend, BODY_TREND, "BodyTrend", "A metric over the period's scans", BZ_BODY_TREND_FIELDS)
BZ_RESOURCE_DEFINE (bz_body_trends, BODY_TRENDS, "BodyTrends", "Body-composition trends over a period", BZ_BODY_TRENDS_FIELDS)
BZ_RESOURCE_DEFINE (bz_body_trends_query, BODY_TRENDS_QUERY, "BodyTrendsQuery", "Query of GET /api/analytics/body/trends", BZ_BODY_TRENDS_QUERY_FIELDS)
BZ_RESOURCE_DEFINE (bz_body_change, BODY_CHANGE, "BodyChange", "A metric's change between two scans", BZ_BODY_CHANGE_FIELDS)
BZ_RESOURCE_DEFINE (bz_body_compare, BODY_COMPARE, "BodyCompare", "The change between two scans", BZ_BODY_COMPARE_FIELDS)
BZ_RESOURCE_DEFINE (bz_body_compare_query, BODY_COMPARE_QUERY, "BodyCompareQuery", "Query of GET /api/analytics/body/compare", BZ_BODY_COMPARE_QUERY_FIELDS)
