using System;
using System.IO;
using System.Text.RegularExpressions;

namespace Stagehand.Package.Tests;

/// <summary>
/// A fresh consumer's public schema says where a threshold comes from ("a LaunchDarkly flag"): <c>dotnet build</c> warns
/// with STH0013 at the vendor's name in the schema file, and still builds. The project's <c>.globalconfig</c> reaches the
/// analyzer: a term it adds (AcmeBus) is reported, a default term it allows (Redis) is not.
/// </summary>
[Collection(PackedPackagesCollection.Name)]
public sealed class InfrastructureNamesBuildTests
{
    private readonly PackedPackages _packed;

    public InfrastructureNamesBuildTests(PackedPackages packed) => _packed = packed;

    [Fact]
    public void AVendorInAPublicDescriptionIsAWarningAtItsName()
    {
        var folder = FreshConsumer.Create(_packed, "Pricing", "    <RootNamespace>Pricing</RootNamespace>");
        var schemas = Directory.CreateDirectory(Path.Combine(folder, "schemas")).FullName;
        File.WriteAllText(Path.Combine(schemas, "Limits.schema.json"), """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "x-stagehand-visibility": "public",
              "type": "object",
              "properties": {
                "threshold": { "type": "number", "description": "Threshold comes from a LaunchDarkly flag" },
                "events": { "type": "string", "description": "Published on AcmeBus; counts are cached in Redis." }
              }
            }
            """);
        // The SDK looks for .globalconfig in the folders of the project's C# files: a project has at least one.
        File.WriteAllText(Path.Combine(folder, "Policy.cs"), """
            namespace Pricing;

            public static class Policy
            {
                public static string Describe(Limits limits) => limits.ToString();
            }
            """);
        File.WriteAllText(Path.Combine(folder, ".globalconfig"), """
            is_global = true
            stagehand_infrastructure_terms = AcmeBus
            stagehand_infrastructure_terms_allowed = Redis

            """);

        var build = DotNet.Run(folder, PackedPackages.Limit, "build", "-c", "Release");

        Assert.True(build.ExitCode == 0, "a warning must not fail the build:\n" + build.Output);
        Assert.Matches(
            new Regex(@"schemas[/\\]Limits\.schema\.json\(6,77\): warning STH0013: The description of the schema at '#/properties/threshold' names the feature-flag service 'LaunchDarkly': .*describe the behaviour, not the service behind it"),
            build.Output);
        Assert.True(
            Regex.IsMatch(build.Output, @"schemas[/\\]Limits\.schema\.json\(7,64\): warning STH0013: .* names the project's infrastructure term 'AcmeBus'"),
            "the term the .globalconfig adds was not reported:\n" + build.Output);
        Assert.DoesNotContain("'Redis'", build.Output, StringComparison.Ordinal);
    }
}
