// The --help text. The readme's Usage section is this text, kept identical by a test.

export const helpText = `
  Usage
    $ sessiontop [options]            watch the sessions of a MaxScale
    $ sessiontop --demo               watch a built-in simulated MaxScale
    $ sessiontop simulate [options]   serve a simulated MaxScale REST API

  Options
    -h, --hosts      MaxScale to watch, host:port or an http(s):// URL  [127.0.0.1:8989]
    -u, --user       REST API user                                      [admin]
    -p, --password   REST API password                                  [mariadb]
    -s, --secure     use https for host:port entries
    -t, --timeout    request timeout: 10000, 10s, 500ms                 [10000]
    -n, --tls-verify-server-cert  verify the server's certificate; -n false to skip  [true]
    --interval       time between polls: 2s, 500ms, 1m                  [2s]
    --readonly       no kill or restart keys
    --demo           start a simulated MaxScale in-process and watch it
    --help           show this help
    --version        show the version

  Simulate options
    --host           address to listen on                               [127.0.0.1]
    --port           port to listen on (0: any free port)               [8989]
    --sessions       sessions at start                                  [200]
    --seed           seed of the population: same seed, same sessions   [1]
    --churn          sessions opened and closed per second (0: frozen)  [0]
    --api-version    24.02, 23.02, 22.08, 6.4, 2.5 or 2.2               [24.02]
    --user, --password  credentials the simulator accepts               [admin, mariadb]

  Examples
    $ sessiontop --demo
    $ sessiontop -h maxscale1:8989 -u monitor -p secret --interval 1s
    $ sessiontop simulate --port 18989 --sessions 1000 --churn 20
`;
