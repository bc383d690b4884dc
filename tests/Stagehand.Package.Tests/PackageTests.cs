using System;
using System.IO;
using System.Linq;

namespace Stagehand.Package.Tests;

/// <summary>
/// Packs Stagehand.Contracts into a folder feed and builds a fresh consumer against it: the consumer reads a v4 LLM
/// config, writes an act request with a cache threshold, gets a record from a schema of its own, and sees STH0003 in
/// its build output for a deliberately drifted hand-written type.
/// </summary>
[Collection(PackedPackagesCollection.Name)]
public sealed class PackageTests
{
    private readonly PackedPackages _packed;

    public PackageTests(PackedPackages packed) => _packed = packed;

    [Fact]
    public void PackedPackageWorksInAFreshConsumer()
    {
        var package = _packed.PackagePath("Stagehand.Contracts");
        Assert.True(File.Exists(package), "no package at " + package);
        AssertLayout(package);

        var consumer = WriteConsumer();
        var build = DotNet.Run(consumer, PackedPackages.Limit, "build", "-c", "Release");
        Assert.True(build.ExitCode == 0, "the consumer did not build:\n" + build.Output);
        Assert.Contains("Drifted.cs", build.Output, StringComparison.Ordinal);
        Assert.Contains("warning STH0003", build.Output, StringComparison.Ordinal);
        Assert.Contains("'ServerCache' is 'bool?', but the contract says 'ServerCacheSetting?'", build.Output, StringComparison.Ordinal);

        var run = DotNet.Run(consumer, PackedPackages.Limit, "run", "-c", "Release", "--no-build");
        Assert.True(run.ExitCode == 0, "the consumer failed:\n" + run.Output);
        var lines = run.Output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("llm openai/gpt-4.1-nano system-default", lines);
        Assert.Contains("""act {"input":"click the sign-in button","options":{"timeout":3000},"cacheThreshold":3}""", lines);
        Assert.Contains("note 2 hello", lines);
        Assert.Contains("/text minLength: The value must be at least 1 character long.", lines);
    }

    private static void AssertLayout(string package)
    {
        using var archive = System.IO.Compression.ZipFile.OpenRead(package);
        var entries = archive.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        string[] expected =
        [
            "lib/net8.0/Stagehand.Contracts.dll", "lib/net10.0/Stagehand.Contracts.dll",
            "analyzers/dotnet/cs/Stagehand.Generators.dll", "analyzers/dotnet/cs/Stagehand.Analyzers.dll",
            "analyzers/dotnet/cs/Stagehand.Analyzers.CodeFixes.dll", "buildTransitive/Stagehand.Contracts.props", "README.md",
        ];
        Assert.All(expected, entry => Assert.Contains(entry, entries));
        // Only our own assemblies run inside the compiler.
        Assert.Equal(3, entries.Count(e => e.StartsWith("analyzers/", StringComparison.Ordinal)));
    }

    private string WriteConsumer()
    {
        var folder = FreshConsumer.Create(_packed, "Consumer", "    <OutputType>Exe</OutputType>\n    <RootNamespace>Consumer</RootNamespace>");
        File.WriteAllText(Path.Combine(folder, ".editorconfig"), """
            root = true
            [*.cs]
            dotnet_diagnostic.STH0003.severity = warning
            """);
        Directory.CreateDirectory(Path.Combine(folder, "schemas"));
        File.WriteAllText(Path.Combine(folder, "schemas", "Note.schema.json"), """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "description": "A note: the consumer's own contract.",
              "x-stagehand-visibility": "public",
              "type": "object",
              "additionalProperties": false,
              "required": ["id", "text"],
              "properties": {
                "id": { "type": "integer", "minimum": 1, "maximum": 1000 },
                "text": { "type": "string", "minLength": 1 }
              }
            }
            """);
        File.WriteAllText(Path.Combine(folder, "Drifted.cs"), """
            using Stagehand.Contracts;
            using Stagehand.Contracts.V3;

            namespace Consumer;

            [MirrorsContract(typeof(ActOptions))]
            public sealed class DriftedActOptions
            {
                public ModelSelection? Model { get; init; }
                public ValueMap<VariableValue>? Variables { get; init; }
                public double? Timeout { get; init; }
                public bool? ServerCache { get; init; }
            }
            """);
        File.WriteAllText(Path.Combine(folder, "Program.cs"), """"
            using System;
            using System.Buffers;
            using System.Text;
            using System.Text.Json;
            using Stagehand.Contracts;
            using Stagehand.Contracts.V3;
            using Stagehand.Contracts.V4;

            var llm = LLMConfig.Parse("""
                {"id":"6f1c0f7e-8e0b-4c41-9a3e-0f2b9c1d2e3f","source":"system-default","displayName":"Default LLM",
                 "modelName":"openai/gpt-4.1-nano","baseUrl":null,"systemPrompt":null,"providerOptions":null,
                 "createdAt":"2026-01-01T00:00:00Z","updatedAt":"2026-01-01T00:00:00Z"}
                """u8);
            Console.WriteLine("llm " + llm.ModelName + " " + llm.Source.ToWireValue());

            var act = new ActRequest
            {
                Input = "click the sign-in button",
                Options = new ActOptions { Timeout = 3000, ServerCache = new ServerCacheThreshold { Threshold = 3 } },
                CacheThreshold = 3,
            };
            var buffer = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                act.WriteTo(writer);
            }

            Console.WriteLine("act " + Encoding.UTF8.GetString(buffer.WrittenSpan));

            var note = Consumer.Note.Parse("""{"id":2,"text":"hello"}"""u8);
            Console.WriteLine("note " + note.Id + " " + note.Text);
            Console.WriteLine(Consumer.Note.Validate("""{"id":2,"text":""}"""u8));
            """");
        return folder;
    }
}
