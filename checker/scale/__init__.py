"""Running at corpus size: the analysis cache, per-article records, and the local and Dask engines."""
