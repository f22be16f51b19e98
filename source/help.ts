// The --help text. The readme's Usage section is this text, kept identical by a test,
// and every line fits 80 columns (test/docs/help-width.test.ts): a default or an example
// too long for its option's line goes on a line of its own, under the description.

/** `sessiontop simulate --help`: the simulator's own options, not the monitor's. */
const simulateOptions = `
  Simulate options
    --host           address to listen on                           [127.0.0.1]
    --port           port to listen on (0: any free port)                [8989]
    --sessions       sessions at start                                    [200]
    --seed           seed of the population: same seed, same sessions       [1]
    --churn          sessions opened and closed per second (0: frozen)      [0]
    --uptime         MaxScale's uptime at start (0: just restarted) [2d to 20d]
    --api-version    24.02, 23.02, 22.08, 6.4, 2.5 or 2.2               [24.02]
    --user, --password
                     credentials the simulator accepts         [admin, mariadb]
    --basic-user     also accept NAME:PASSWORD as a read-only (basic) user,
                     whose writes are refused as MaxScale refuses them
    --tls-cert, --tls-key
                     serve HTTPS with this certificate and key (PEM files)
`;

const simulateExample = '    $ sessiontop simulate --port 18989 --sessions 1000 --churn 20';

export const helpText = `
  Usage
    $ sessiontop [options]            watch the sessions of a MaxScale
    $ sessiontop --once [options]     print them once (--tsv: as maxctrl does)
    $ sessiontop --demo               watch a built-in simulated MaxScale
    $ sessiontop simulate [options]   serve a simulated MaxScale REST API

  Connection options (maxctrl's; also from the environment and the config file)
    -h, --hosts      MaxScales, comma-separated: host:port or http(s)://
                                                               [127.0.0.1:8989]
    -u, --user       REST API user                                      [admin]
    -p, --password   REST API password; -p '' asks for it             [mariadb]
    -t, --timeout    request timeout: 10000, 10s, 500ms                 [10000]
    --max-body       largest answer: 512M, 1G; a bare number is bytes    [256M]
    --server-tz      MaxScale's time zone, for versions before 23.02, whose
                     connection times carry none: UTC, +02:00,
                     Europe/Helsinki                                    [local]
    -c, --config     config file: [maxctrl] and [sessiontop] sections
                                                               [~/.maxctrl.cnf]
    -s, --secure     use https for host:port entries
    --tls-ca-cert    CA certificate (PEM) that signed MaxScale's certificate
    --tls-cert       client certificate (PEM), with --tls-key
    --tls-key        client private key (PEM)
    --tls-passphrase
                     passphrase of the client private key
    -n, --tls-verify-server-cert
                     verify the server's certificate; -n false to skip   [true]

  View options (also in [sessiontop])
    --interval       time between polls: 2s, 500ms, 1m                     [2s]
    --sort           id, user, client, service, server, state, age, idle,
                     memory, io, maxscale, running, statement; "idle desc"
                     sorts down                                            [id]
    --grouping       service-state, service, user, client, maxscale (several
                     -h) or flat                               [service-state]
    --columns        the columns after Id, in order, for the screen and --once:
                     "user,state,idle,statement"   [all but running, statement]
    --readonly       no kill or restart keys
    --no-mouse       leave clicks and the wheel to the terminal, to select text
    --demo           start a simulated MaxScale in-process and watch it
    --help           show this help
    --version        show the version

  Record and replay
    --record FILE    append every poll to FILE (NDJSON, mode 0600)
    --replay FILE    play FILE back offline: p pauses, [ and ] step in time

  Batch output (--once is the default when stdout is not a full terminal)
    --once           print the sessions as a table and exit
    --tsv            print what maxctrl --tsv list sessions prints, and exit
    --json           print the sessions as one JSON array and exit
    --watch --json   print one JSON array per line, each interval, until stopped

  Environment
    SESSIONTOP_HOSTS, SESSIONTOP_USER, SESSIONTOP_PASSWORD, SESSIONTOP_TIMEOUT,
    SESSIONTOP_SECURE, SESSIONTOP_TLS_CA_CERT, SESSIONTOP_TLS_CERT,
    SESSIONTOP_TLS_KEY, SESSIONTOP_TLS_PASSPHRASE, SESSIONTOP_MAX_BODY,
    SESSIONTOP_TLS_VERIFY_SERVER_CERT, SESSIONTOP_SERVER_TZ, SESSIONTOP_CONFIG;
    maxctrl's MAXCTRL_USER and MAXCTRL_PASSWORD too.
    Flags win, then these, then the config file.
${simulateOptions}
  Examples
    $ sessiontop --demo
    $ sessiontop -h maxscale1:8989 -u monitor -p secret --interval 1s
    $ sessiontop -h maxscale1:8989 -u monitor -p '' --once --tsv
${simulateExample}
`;

/** What `sessiontop simulate --help` prints: its usage line, its options and its example. */
export const simulateHelpText = `
  Usage
    $ sessiontop simulate [options]   serve a simulated MaxScale REST API
${simulateOptions}
  Examples
${simulateExample}
`;
