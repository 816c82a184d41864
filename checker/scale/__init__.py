"""Running at corpus size: the analysis cache, packed per-article analyses, and the local and Dask engines."""
