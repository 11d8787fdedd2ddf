"""Scale-out on Apache Spark: the pipeline over an archive (`vigie spark extract`), written as Parquet
tables that `vigie ingest` loads without the NLP, and corpus-wide aggregates (`vigie spark stats`).
pyspark is imported only when a Spark command runs."""
