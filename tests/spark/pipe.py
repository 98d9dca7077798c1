"""Runs kgexport inside Apache Spark: JSON Lines articles piped through `kgexport -f nq -o - -`
on every partition (rdd.pipe), in local[2] mode. Prints the sorted, distinct N-Quads lines.

Usage: python3 tests/spark/pipe.py KGEXPORT_BINARY ARTICLES.jsonl PARTITIONS
"""

import os
import sys

from pyspark.sql import SparkSession


def main() -> int:
    binary, articles, partitions = sys.argv[1], sys.argv[2], int(sys.argv[3])
    spark = (
        SparkSession.builder.master(f"local[{partitions}]")
        .appName("kgexport-pipe")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    lines = spark.sparkContext.textFile(articles, minPartitions=partitions)
    # Each partition is one kgexport process: JSON Lines in, N-Quads out.
    quads = lines.pipe(f"{binary} --quiet --jobs 1 --format nq --output - -", env=dict(os.environ))
    for line in sorted(set(quads.collect())):
        print(line)
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
