using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Stagehand.Analyzers.Infrastructure;

/// <summary>
/// Finds the names of internal infrastructure in text a public schema shows its readers (STH0013): the services behind
/// a behaviour (feature-flag vendors, observability, queues and streams, databases and caches, hosting and cloud
/// products), internal host names (<c>api.billing.internal</c>) and issue-tracker ticket ids (<c>STG-1234</c>).
/// Terms match case-insensitively as whole words (<c>Redis</c> is not found in <c>Redistribute</c>), with any run of
/// white space between the words of a term and an optional plural <c>s</c>. The project adds terms with
/// <see cref="TermsOption"/> and trims them, or whole categories, with <see cref="AllowedOption"/>.
/// </summary>
internal sealed class InfrastructureTerms
{
    /// <summary>The global analyzer config option (<c>.globalconfig</c>) that adds terms: a comma-separated list.</summary>
    public const string TermsOption = "stagehand_infrastructure_terms";

    /// <summary>
    /// The global analyzer config option that trims what is reported: a comma-separated list of terms (default or
    /// added), category ids (<see cref="Category.Id"/>, e.g. <c>tickets</c>), or exact texts a pattern found (<c>printer.local</c>).
    /// </summary>
    public const string AllowedOption = "stagehand_infrastructure_terms_allowed";

    public static readonly Category FeatureFlags = new("feature-flags", "the feature-flag service");
    public static readonly Category Observability = new("observability", "the monitoring, logging or analytics service");
    public static readonly Category Queues = new("queues", "the queue or stream");
    public static readonly Category Datastores = new("datastores", "the database or cache");
    public static readonly Category Cloud = new("cloud", "the hosting or cloud product");
    public static readonly Category Hosts = new("hosts", "the internal host");
    public static readonly Category Tickets = new("tickets", "the ticket id");
    public static readonly Category Configured = new("configured", "the project's infrastructure term");

    /// <summary>
    /// The default terms, by category: names that, in a public API's description, almost always name the system behind
    /// the behaviour. A word that is also ordinary English, or a public format, appears only in a form that is not
    /// (<c>Unleash flag</c>, not <c>Unleash</c>; <c>Snowflake warehouse</c>, not the Snowflake id format; <c>AWS Lambda</c>,
    /// not <c>lambda</c>; <c>Google Pub/Sub</c>, not the pub/sub pattern; <c>Prometheus alert</c>, not the Prometheus
    /// exposition format a public metrics endpoint may serve).
    /// </summary>
    public static readonly IReadOnlyList<(Category Category, string[] Terms)> Defaults =
    [
        (FeatureFlags,
        [
            "LaunchDarkly", "Split.io", "Unleash flag", "Unleash toggle", "Unleash feature toggle", "Flagsmith", "ConfigCat",
            "Statsig", "Optimizely", "GrowthBook", "Flipt", "DevCycle", "flagd", "AWS AppConfig", "Azure App Configuration",
            "Firebase Remote Config", "Harness Feature Flags", "Rollout.io", "Kameleoon",
        ]),
        (Observability,
        [
            "Datadog", "New Relic", "NewRelic", "Honeycomb.io", "Honeycomb dataset", "Honeycomb query", "Sentry", "Sentry.io",
            "Grafana", "Prometheus alert", "Prometheus alerting rule", "Alertmanager", "Splunk", "PagerDuty", "Opsgenie",
            "OpenTelemetry Collector", "OTel Collector", "otel-collector", "Kibana", "Logstash", "Fluentd", "Fluent Bit",
            "Jaeger trace", "Jaeger UI", "Zipkin", "Dynatrace", "AppDynamics", "Lightstep", "Bugsnag", "Rollbar", "Sumo Logic",
            "Loggly", "Papertrail", "Graylog", "CloudWatch", "Stackdriver", "StatsD", "Elastic APM", "Mixpanel", "PostHog",
        ]),
        (Queues,
        [
            "Kafka", "RabbitMQ", "SQS", "Amazon SNS", "AWS SNS", "SNS topic", "Kinesis", "NATS", "Google Pub/Sub", "Cloud Pub/Sub",
            "GCP Pub/Sub", "Celery task", "Celery worker", "Celery queue", "ActiveMQ", "ZeroMQ", "Apache Pulsar", "Pulsar topic",
            "Sidekiq", "Hangfire", "BullMQ", "EventBridge", "Azure Service Bus", "Service Bus queue", "Service Bus topic",
            "Azure Event Hubs", "Amazon MQ", "Redpanda", "Beanstalkd", "NSQ", "Temporal.io", "Google Cloud Tasks",
        ]),
        (Datastores,
        [
            "Postgres", "PostgreSQL", "MySQL", "MariaDB", "Redis", "Valkey", "KeyDB", "Memcached", "MongoDB", "DynamoDB",
            "Apache Cassandra", "Cassandra table", "Cassandra cluster", "Cassandra keyspace", "ScyllaDB", "Elasticsearch",
            "OpenSearch cluster", "OpenSearch index", "ClickHouse", "Snowflake warehouse", "Snowflake table", "BigQuery",
            "Redshift", "Amazon Aurora", "Aurora cluster", "Amazon RDS", "RDS instance", "CockroachDB", "Cloud Spanner",
            "Firestore", "Bigtable", "Cosmos DB", "CosmosDB", "SQL Server", "MSSQL", "Oracle Database", "SQLite", "InfluxDB",
            "TimescaleDB", "Neo4j", "Couchbase", "CouchDB", "HBase", "RocksDB", "etcd", "ZooKeeper", "Consul KV", "Vitess",
            "PlanetScale", "Databricks", "Amazon Athena", "Pinecone index", "Weaviate", "Qdrant", "Milvus", "pgvector",
        ]),
        (Cloud,
        [
            "AWS Lambda", "Lambda@Edge", "ECS task", "ECS service", "ECS cluster", "EKS", "GKE", "AKS cluster", "Fargate",
            "Google Cloud Run", "Cloud Run service", "Cloud Run job", "Google Cloud Functions", "App Engine", "Azure Functions",
            "Cloudflare Worker", "Kubernetes namespace", "Kubernetes pod", "Kubernetes cluster", "Kubernetes deployment",
            "Kubernetes job", "k8s", "kubectl", "Helm chart", "Helm release", "S3 bucket", "EC2", "EC2 instance", "ECR",
            "AWS Step Functions", "CloudFormation", "Terraform state", "Heroku dyno", "Nomad job", "HashiCorp Vault",
            "AWS Secrets Manager", "Google Secret Manager", "SSM parameter", "Parameter Store", "Argo CD", "ArgoCD",
            "Jenkins job", "Airflow DAG",
        ]),
    ];

    /// <summary>
    /// The prefixes of standards, encodings, algorithms and models written like ticket ids (<c>ISO-8601</c>,
    /// <c>SHA-256</c>, <c>UTF-16</c>, <c>CVE-2024</c>, <c>COVID-19</c>): never reported as tickets.
    /// </summary>
    public static readonly HashSet<string> NotTicketPrefixes = new(StringComparer.Ordinal)
    {
        "ISO", "IEC", "RFC", "BCP", "STD", "FIPS", "NIST", "SP", "IEEE", "ECMA", "ECMASCRIPT", "ES", "ANSI", "ITU", "ETSI",
        "IETF", "DIN", "BS", "EN", "JIS", "GB", "UTF", "UCS", "ASCII", "CP", "WINDOWS", "LATIN", "BASE", "SHA", "MD",
        "AES", "DES", "RSA", "DSA", "ECDSA", "ED", "RS", "PS", "HS", "HMAC", "PBKDF", "CRC", "FNV", "PKCS", "SECP", "HTTP",
        "HTTPS", "TLS", "SSL", "QUIC", "TCP", "UDP", "IPV", "SMTP", "OAUTH", "OIDC", "SAML", "JWT", "JWS", "JWE", "JWA",
        "JWK", "CVE", "CWE", "CVSS", "CAPEC", "OWASP", "CIS", "SOC", "PCI", "HIPAA", "WCAG", "ICD", "ISBN", "ISSN", "EAN",
        "UPC", "GTIN", "INT", "UINT", "FLOAT", "WIN", "ARM", "AMD", "MPEG", "COVID", "SARS", "MERS", "GPT", "LLAMA", "FY",
    };

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    /// <summary>A host name in an internal-only domain (RFC 6762's <c>.local</c>, RFC 8375's <c>home.arpa</c>, and the usual private suffixes).</summary>
    private static readonly Regex HostPattern = new(
        @"(?<![\p{L}\p{N}_.\-])(?:[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?\.)+(?:internal|corp|local|localdomain|lan|intranet|home\.arpa)(?![\p{L}\p{N}_\-]|\.[\p{L}\p{N}])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
        Timeout);

    /// <summary>2 to 10 capital letters, a dash and at least 2 digits, not part of a longer token (<c>ISO-8859-1</c>).</summary>
    private static readonly Regex TicketPattern = new(
        @"(?<![\p{L}\p{N}_\-])(?<prefix>[A-Z]{2,10})-[0-9]{2,}(?![\p{L}\p{N}_]|-[\p{L}\p{N}]|\.[0-9])",
        RegexOptions.CultureInvariant,
        Timeout);

    /// <summary>The default terms and patterns, as a project that configures nothing has them (built from the fields above).</summary>
    public static readonly InfrastructureTerms Default = new(null, null);

    private static readonly object Gate = new();
    private static (string Key, InfrastructureTerms Terms)? _lastConfigured;

    private readonly Dictionary<string, Category> _categoryByTerm = new(StringComparer.Ordinal);
    private readonly HashSet<string> _allowed = new(StringComparer.Ordinal);
    private readonly Regex? _terms;
    private readonly bool _hosts;
    private readonly bool _tickets;

    private InfrastructureTerms(string? added, string? allowed)
    {
        foreach (var entry in Split(allowed))
        {
            _allowed.Add(Normalize(entry));
        }

        foreach (var (category, terms) in Defaults)
        {
            if (_allowed.Contains(category.Id))
            {
                continue;
            }

            foreach (var term in terms)
            {
                Add(term, category);
            }
        }

        if (!_allowed.Contains(Configured.Id))
        {
            foreach (var term in Split(added))
            {
                Add(term, Configured);
            }
        }

        _hosts = !_allowed.Contains(Hosts.Id);
        _tickets = !_allowed.Contains(Tickets.Id);
        if (_categoryByTerm.Count > 0)
        {
            // Longest first, so that a term that starts another (EC2, EC2 instance) does not cut it short.
            var alternatives = _categoryByTerm.Keys
                .OrderByDescending(term => term.Length)
                .ThenBy(term => term, StringComparer.Ordinal)
                .Select(term => string.Join(@"\s+", term.Split(' ').Select(Regex.Escape)));
            _terms = new Regex(
                @"(?<![\p{L}\p{N}_])(?:" + string.Join("|", alternatives) + @")s?(?![\p{L}\p{N}_])",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
                Timeout);
        }
    }

    /// <summary>The terms the project configured (<see cref="TermsOption"/>, <see cref="AllowedOption"/>), or the defaults.</summary>
    public static InfrastructureTerms FromOptions(AnalyzerConfigOptions options)
    {
        options.TryGetValue(TermsOption, out var added);
        options.TryGetValue(AllowedOption, out var allowed);
        if (string.IsNullOrWhiteSpace(added) && string.IsNullOrWhiteSpace(allowed))
        {
            return Default;
        }

        var key = added + "\n" + allowed;
        lock (Gate)
        {
            if (_lastConfigured is { } last && last.Key == key)
            {
                return last.Terms;
            }

            var terms = new InfrastructureTerms(added, allowed);
            _lastConfigured = (key, terms);
            return terms;
        }
    }

    /// <summary>
    /// Every infrastructure name in <paramref name="text"/>, in order and not overlapping (a host such as
    /// <c>redis.internal</c> is one finding, not a host and a term). Ticket ids are looked for only when
    /// <paramref name="ticketIds"/> is true: an example value such as an order number <c>ORD-10023</c> looks just like one.
    /// </summary>
    public IReadOnlyList<Finding> Find(string text, bool ticketIds)
    {
        var found = new List<Finding>();
        try
        {
            if (_terms is not null)
            {
                foreach (Match match in _terms.Matches(text))
                {
                    if (CategoryOf(match.Value) is { } category)
                    {
                        found.Add(new Finding(match.Index, match.Length, match.Value, category));
                    }
                }
            }

            if (_hosts)
            {
                foreach (Match match in HostPattern.Matches(text))
                {
                    found.Add(new Finding(match.Index, match.Length, match.Value, Hosts));
                }
            }

            if (_tickets && ticketIds)
            {
                foreach (Match match in TicketPattern.Matches(text))
                {
                    if (!NotTicketPrefixes.Contains(match.Groups["prefix"].Value))
                    {
                        found.Add(new Finding(match.Index, match.Length, match.Value, Tickets));
                    }
                }
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // A text too long or too odd to search in time is left alone rather than holding up the build.
        }

        var kept = new List<Finding>(found.Count);
        var end = 0;
        foreach (var finding in found.OrderBy(f => f.Start).ThenByDescending(f => f.Length))
        {
            if (finding.Start >= end && !_allowed.Contains(Normalize(finding.Text)))
            {
                kept.Add(finding);
                end = finding.Start + finding.Length;
            }
        }

        return kept;
    }

    /// <summary>
    /// The entries of a comma-separated option value, trimmed, empty ones left out. (A global config reads <c>;</c> and
    /// <c>#</c> as the start of a comment, so commas it is.)
    /// </summary>
    public static IEnumerable<string> Split(string? value) =>
        (value ?? string.Empty).Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries)
            .Select(entry => entry.Trim())
            .Where(entry => entry.Length > 0);

    /// <summary>A term as it is compared: lower case, with single spaces between its words.</summary>
    public static string Normalize(string term)
    {
        var builder = new StringBuilder(term.Length);
        var space = false;
        foreach (var c in term.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    private void Add(string term, Category category)
    {
        var normalized = Normalize(term);
        if (normalized.Length > 0 && !_allowed.Contains(normalized) && !_categoryByTerm.ContainsKey(normalized))
        {
            _categoryByTerm[normalized] = category;
        }
    }

    /// <summary>The category of a term the pattern found, its plural <c>s</c> allowed.</summary>
    private Category? CategoryOf(string matched)
    {
        var normalized = Normalize(matched);
        if (_categoryByTerm.TryGetValue(normalized, out var category))
        {
            return category;
        }

        return normalized.EndsWith("s", StringComparison.Ordinal) && _categoryByTerm.TryGetValue(normalized.Substring(0, normalized.Length - 1), out category)
            ? category
            : null;
    }

    /// <summary>A kind of infrastructure: its id (for <see cref="AllowedOption"/>) and how a message names one of it.</summary>
    internal sealed record Category(string Id, string Phrase);

    /// <summary>One infrastructure name in a text: where it is (in the decoded string), as written, and its category.</summary>
    internal sealed record Finding(int Start, int Length, string Text, Category Category);
}
