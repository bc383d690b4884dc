using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Stagehand.Analyzers.Infrastructure;
using Stagehand.Analyzers.Rules;
using Stagehand.Analyzers.Tests.Infrastructure;

namespace Stagehand.Analyzers.Tests;

/// <summary>
/// STH0013, from a review finding: a public schema's description named the feature-flag vendor behind a threshold
/// ("LaunchDarkly flag"). Every test's markup is the exact span the diagnostic must cover inside the JSON string.
/// </summary>
public sealed class InfrastructureInPublicTextTests
{
    /// <summary>A schema file whose <c>threshold</c> member has <paramref name="description"/> (raw JSON string content).</summary>
    private static string Limits(string header, string description) =>
        "{\n  " + header + ",\n  \"type\": \"object\",\n  \"properties\": {\n    \"threshold\": {\n      \"type\": \"number\",\n      \"description\": \""
        + description + "\"\n    }\n  }\n}\n";

    private static string PublicLimits(string description) => Limits(SchemaTexts.Header, description);

    [Fact]
    public Task TheReviewFindingIsReportedAtExactlyTheVendorsName() =>
        Verify<InfrastructureInPublicTextAnalyzer>.SchemasAsync(
            ("Limits.schema.json", PublicLimits("Threshold comes from a {|STH0013:LaunchDarkly|} flag")));

    [Fact]
    public Task TheSameTextInAnInternalSchemaIsNotReported() =>
        Verify<InfrastructureInPublicTextAnalyzer>.SchemasAsync(
            ("Limits.schema.json", Limits(SchemaTexts.InternalHeader, "Threshold comes from a LaunchDarkly flag")));

    [Fact]
    public Task ASchemaWithNoVisibilityIsPublicAndIsScanned() =>
        Verify<InfrastructureInPublicTextAnalyzer>.SchemasAsync(
            ("Limits.schema.json", Limits("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\"", "Counted in {|STH0013:Datadog|}")));

    [Fact]
    public Task TitlesAndEveryStringInsideExamplesAreScanned() =>
        Verify<InfrastructureInPublicTextAnalyzer>.SchemasAsync(
            ("Job.schema.json", """
                {
                  "$schema": "https://json-schema.org/draft/2020-12/schema",
                  "x-stagehand-visibility": "public",
                  "title": "Job ({|STH0013:Celery task|})",
                  "type": "object",
                  "properties": {
                    "source": {
                      "type": "object",
                      "title": "Source",
                      "examples": [
                        { "queue": "{|STH0013:Kafka|}", "replicas": 3, "hosts": ["one", ["{|STH0013:RabbitMQ|}"]], "ok": true, "none": null },
                        "plain words",
                        { "Redis": "member names are not text" }
                      ]
                    }
                  },
                  "$defs": {
                    "Kept": { "type": "string", "description": "Stored in {|STH0013:DynamoDB|}." }
                  }
                }
                """));

    [Fact]
    public Task InternalHostNamesAreReportedAndFileNamesAreNot() =>
        Verify<InfrastructureInPublicTextAnalyzer>.SchemasAsync(
            ("Billing.schema.json", PublicLimits(
                "Priced by https://{|STH0013:api.billing.internal|}/v1 or {|STH0013:pricing.corp|}; read from appsettings.local.json and .env.local; see example.com.")));

    [Fact]
    public Task TicketIdsAreReportedAndStandardsEncodingsAndModelsAreNot() =>
        Verify<InfrastructureInPublicTextAnalyzer>.SchemasAsync(
            ("Limits.schema.json", PublicLimits(
                "Raised in {|STH0013:STG-1234|} (and STG-7). Text is UTF-8, dates ISO-8601, pages ISO-8859-1, hashes SHA-256, model GPT-4, HTTP-2, RFC-3339, CVE-2024-3094, COVID-19.")));

    [Fact]
    public Task AnExampleValueShapedLikeATicketIdIsOnlyAnExample() =>
        Verify<InfrastructureInPublicTextAnalyzer>.SchemasAsync(
            ("Order.schema.json", """
                {
                  "$schema": "https://json-schema.org/draft/2020-12/schema",
                  "x-stagehand-visibility": "public",
                  "type": "string",
                  "examples": ["ORD-10023", "SKU-4411"]
                }
                """));

    [Fact]
    public Task TermsMatchInAnyCaseAsWholeWordsOnly() =>
        Verify<InfrastructureInPublicTextAnalyzer>.SchemasAsync(
            ("Limits.schema.json", PublicLimits(
                "Cached in {|STH0013:REDIS|} and {|STH0013:redis|}; Redistribute, redisCache and MyKafkaClient are words of their own; runs as {|STH0013:ECS tasks|}, reported to {|STH0013:New   Relic|}, {|STH0013:Postgres|}-backed.")));

    [Fact]
    public Task OrdinaryWordsThatShareAVendorsNameAreNotReported() =>
        Verify<InfrastructureInPublicTextAnalyzer>.SchemasAsync(
            ("Limits.schema.json", PublicLimits(
                "Unleash the agent; a lambda function; a snowflake id; pub/sub delivery; cloud-hosted; a Prometheus exposition format endpoint; the celery example; Azure and Vertex models; localhost:9222.")));

    [Fact]
    public Task EachOccurrenceIsOneDiagnosticAndAHostIsNotAlsoATerm() =>
        Verify<InfrastructureInPublicTextAnalyzer>.SchemasAsync(
            ("Limits.schema.json", PublicLimits(
                "{|STH0013:Redis|} first, {|STH0013:Redis|} again, then {|STH0013:redis.internal|}.")));

    [Fact]
    public Task AnEscapeBeforeTheTermStillGivesItsExactSpan() =>
        Verify<InfrastructureInPublicTextAnalyzer>.SchemasAsync(
            ("Limits.schema.json", PublicLimits(
                """Say \"hi\" \u00e9 \ud83d\ude00 \\ \/ \t then {|STH0013:LaunchDarkly|}, {|STH0013:\u0052edis|} and {|STH0013:Spl\u0075nk|}""")));

    [Fact]
    public Task AGlobalConfigAddsTermsAndTrimsDefaultsAndCategories() =>
        Verify<InfrastructureInPublicTextAnalyzer>.SchemasWithOptionsAsync(
            "stagehand_infrastructure_terms = Acme Queue, InternalBus\nstagehand_infrastructure_terms_allowed = Redis, tickets, printer.local\n",
            ("Limits.schema.json", PublicLimits(
                "Queued on the {|STH0013:Acme Queue|} and {|STH0013:internalbus|}; cached in Redis; see STG-1234; printer.local and {|STH0013:scanner.local|}; stored in {|STH0013:Postgres|}.")));

    [Fact]
    public Task ADraft7RefKeepsItsTextsForTheRule() =>
        Verify<InfrastructureInPublicTextAnalyzer>.SchemasAsync(
            ("Old.schema.json", """
                {
                  "$schema": "http://json-schema.org/draft-07/schema#",
                  "type": "object",
                  "properties": {
                    "limit": { "$ref": "#/definitions/Limit", "title": "Set in {|STH0013:ConfigCat|}" }
                  },
                  "definitions": { "Limit": { "type": "integer" } }
                }
                """));

    [Fact]
    public void TheMessageNamesTheTermItsCategoryItsPlaceAndTheFix()
    {
        var text = PublicLimits("Threshold comes from a LaunchDarkly flag");
        var diagnostics = AnalyzerRunner.Run(
            [new TestAdditionalText(AnalyzerRunner.SchemaRoot + "Limits.schema.json", text)],
            string.Empty,
            [new InfrastructureInPublicTextAnalyzer()]);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(("STH0013", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning), (diagnostic.Id, diagnostic.Severity));
        Assert.Equal(
            "The description of the schema at '#/properties/threshold' names the feature-flag service 'LaunchDarkly': a public schema's text reaches every client; describe the behaviour, not the service behind it",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(("LaunchDarkly", "feature-flags"), (diagnostic.Properties["Term"], diagnostic.Properties["Category"]));
        var span = diagnostic.Location.GetLineSpan();
        var line = text.Split('\n')[span.StartLinePosition.Line];
        Assert.Equal("LaunchDarkly", line.Substring(span.StartLinePosition.Character, span.EndLinePosition.Character - span.StartLinePosition.Character));
    }

    [Theory]
    [InlineData("Threshold comes from a LaunchDarkly flag", "LaunchDarkly")]
    [InlineData("Unleash flags decide it; the Unleash docs do not", "Unleash flags")]
    [InlineData("Errors go to Sentry", "Sentry")]
    [InlineData("Logged to Split.io and Honeycomb.io", "Split.io|Honeycomb.io")]
    [InlineData("Published on Google Pub/Sub", "Google Pub/Sub")]
    [InlineData("Stored in a Snowflake warehouse", "Snowflake warehouse")]
    [InlineData("Runs on AWS Lambda in a Kubernetes namespace", "AWS Lambda|Kubernetes namespace")]
    [InlineData("Calls http://db.svc.cluster.local:5432", "db.svc.cluster.local")]
    [InlineData("Fixed in PROJ-42 and ABCDEFGHIJ-100", "PROJ-42|ABCDEFGHIJ-100")]
    [InlineData("ABCDEFGHIJK-100 has eleven letters; ab-12 is lower case; X-509 has one", "")]
    [InlineData("ISO-8601, UTF-16, AES-256, IEEE-754, ECMA-262, FIPS-140, CWE-79", "")]
    [InlineData("MIL-STD-810 is one token", "")]
    public void DefaultTermsFindWhatTheyShould(string text, string expected)
    {
        var found = InfrastructureTerms.Default.Find(text, ticketIds: true).Select(f => f.Text);
        Assert.Equal(expected.Split('|', StringSplitOptions.RemoveEmptyEntries), found);
    }

    [Fact]
    public void TheRulePageListsEveryDefaultTermAndEveryPrefixThatIsNotATicket()
    {
        var page = File.ReadAllText(Path.Combine(RepositoryPaths.Docs, "rules", "STH0013.md"));
        foreach (var (category, terms) in InfrastructureTerms.Defaults)
        {
            var row = Assert.Single(page.Split('\n'), line => line.Contains("(`" + category.Id + "`), " + terms.Length + " |", StringComparison.Ordinal));
            Assert.Equal(string.Join(", ", terms), row.Split('|')[2].Trim());
        }

        var prefixes = page.Substring(page.IndexOf("these prefixes", StringComparison.Ordinal));
        Assert.All(InfrastructureTerms.NotTicketPrefixes, prefix => Assert.Matches(@"[\s,:]" + prefix + "[,\\s]", prefixes));
        foreach (var category in new[] { InfrastructureTerms.Hosts, InfrastructureTerms.Tickets, InfrastructureTerms.Configured })
        {
            Assert.Contains("`" + category.Id + "`", page, StringComparison.Ordinal);
        }

        Assert.Contains(InfrastructureTerms.TermsOption, page, StringComparison.Ordinal);
        Assert.Contains(InfrastructureTerms.AllowedOption, page, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryDefaultTermIsFoundInASentence()
    {
        foreach (var (category, terms) in InfrastructureTerms.Defaults)
        {
            foreach (var term in terms)
            {
                var finding = Assert.Single(InfrastructureTerms.Default.Find("It uses " + term + ".", ticketIds: false));
                Assert.Equal((term, category), (finding.Text, finding.Category));
            }
        }
    }
}
