"""PySpark's Python worker daemon with Vigie's pipeline loaded first (``spark.python.daemon.module``).

Spark forks every Python worker of an executor from this one process; loading the model here, before the
first fork, gives every worker the model already in memory (shared copy-on-write), instead of each new
worker spending seconds loading its own.
"""

from pyspark import daemon

from vigie.spark.job import preload

if __name__ == "__main__":
    preload()
    daemon.manager()
