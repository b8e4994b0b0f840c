from benchmarks.loadtest import parse_wrk

WRK_OUTPUT = """Running 10s test @ http://127.0.0.1:8123/robots.txt
  2 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     4.10ms    1.20ms  30.00ms   90.00%
  Latency Distribution
     50%    3.90ms
     75%    4.50ms
     90%    5.60ms
     99%    1.02s
  40000 requests in 10.00s, 8.00MB read
  Socket errors: connect 0, read 2, write 0, timeout 1
  Non-2xx or 3xx responses: 7
Requests/sec:   3999.50
Transfer/sec:    819.00KB
"""


def test_it_reads_throughput_p99_and_every_kind_of_error():
    assert parse_wrk(WRK_OUTPUT) == {
        "requests_per_s": 3999.5,
        "p99_ms": 1020.0,
        "errors": 3,
        "non_2xx": 7,
    }


def test_a_clean_run_counts_zero_errors():
    clean = WRK_OUTPUT.replace("  Socket errors: connect 0, read 2, write 0, timeout 1\n", "")
    clean = clean.replace("  Non-2xx or 3xx responses: 7\n", "")
    assert parse_wrk(clean)["errors"] == 0 and parse_wrk(clean)["non_2xx"] == 0
