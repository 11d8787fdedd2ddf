"""`vigie spark stats`: corpus-wide aggregates of a Spark run, computed on the cluster and written as
Parquet beside nothing else: articles per day, the top entities of each month, events per category and
country per month. Copies of a story are not known before `vigie ingest`, so every article counts."""

from __future__ import annotations

from typing import Any

from vigie.spark.job import MARKER, SparkJobError, hadoop_fs, write_atomically

TOP_PER_MONTH = 50


def stats(spark: Any, run: str, out: str, top: int = TOP_PER_MONTH) -> dict[str, int]:
    """Aggregates of the run at ``run`` written under ``out``; rows written per table."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    fs, path = hadoop_fs(spark, run)
    if not fs.exists(path.suffix("/" + MARKER)):
        raise SparkJobError(f"{run} is not the output of `vigie spark extract` (no {MARKER})")
    articles = spark.read.parquet(f"{run}/articles")
    mentions = spark.read.parquet(f"{run}/mentions")
    entities = spark.read.parquet(f"{run}/entities")
    events = spark.read.parquet(f"{run}/events")

    per_day = (articles.where(F.col("published").isNotNull())
               .groupBy(F.substring("published", 1, 10).alias("day")).agg(F.count("*").alias("articles"))
               .withColumn("month", F.substring("day", 1, 7)))
    per_entity = (mentions.groupBy("month", "entity_key")
                  .agg(F.count("*").alias("mentions"), F.countDistinct("article_id").alias("articles")))
    ranked = per_entity.withColumn("rank", F.row_number().over(
        Window.partitionBy("month").orderBy(F.desc("articles"), F.desc("mentions"), "entity_key")))
    top_entities = (ranked.where(F.col("rank") <= top)
                    .join(entities.select(F.col("key").alias("entity_key"), "name", "type"), "entity_key", "left")
                    .select("month", "rank", "entity_key", "name", "type", "mentions", "articles"))
    places = entities.select(F.col("key").alias("location_key"), "country_code")
    per_category = (events.join(places, "location_key", "left")
                    .groupBy("month", "type", "country_code").agg(F.count("*").alias("events"))
                    .withColumnRenamed("type", "category"))
    frames = {"articles_per_day": per_day, "top_entities_per_month": top_entities,
              "events_per_category_country": per_category}
    return write_atomically(spark, frames, out, [run], partitioned=False).rows
