using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Stagehand.Generators.Tests.Infrastructure;

namespace Stagehand.Generators.Tests;

/// <summary>
/// Issue #10: a recursive schema's generated reader, in-memory <c>Validate()</c> and <c>WriteTo</c> recurse as deep as the
/// value nests. On a thread with a small stack each must end in a <c>maxDepth</c> error or an exception, never a stack
/// overflow. The schema is generated, compiled with the runtime's sources and run in memory; the probe runs on its own
/// 256 KiB thread and reports what happened, so the test can only fail by assertion.
/// </summary>
public sealed class RecursiveContractTests
{
    private const string TreeSchema = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "x-stagehand-visibility": "public",
          "type": "object",
          "required": ["name"],
          "properties": {
            "name": { "type": "string", "minLength": 1 },
            "children": { "type": "array", "items": { "$ref": "#" } }
          }
        }
        """;

    private const string Probe = """
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Linq;
        using System.Text;
        using System.Text.Json;
        using System.Threading;
        using Stagehand.Contracts;

        namespace Recursive.Contracts;

        public static class Probe
        {
            public static string[] Run()
            {
                var outcomes = new List<string>();
                var thread = new Thread(() => Steps(outcomes), 256 * 1024);
                thread.Start();
                thread.Join();
                return outcomes.ToArray();
            }

            private static void Steps(List<string> outcomes)
            {
                void Try(string step, Func<string> work)
                {
                    try
                    {
                        outcomes.Add(step + ": " + work());
                    }
                    catch (Exception exception)
                    {
                        outcomes.Add(step + ": threw " + exception.GetType().Name);
                    }
                }

                // 2,000 trees, each an object and its children array: 4,000 levels of JSON, within MaxDepth = 4096.
                var text = new StringBuilder();
                for (var i = 0; i < 2000; i++) text.Append("{\"name\":\"n\",\"children\":[");
                text.Append("{\"name\":\"leaf\"}");
                for (var i = 0; i < 2000; i++) text.Append("]}");
                var json = Encoding.UTF8.GetBytes(text.ToString());
                var options = new ContractReadOptions { MaxDepth = 4096 };
                Try("Validate", () => Describe(Tree.Validate(json, options)));
                Try("TryParse", () => Tree.TryParse(json, out _, out var result, options) ? "built" : Describe(result));

                // A tree built in code, 100,000 levels deep.
                var deep = new Tree { Name = "leaf" };
                for (var i = 0; i < 100_000; i++) deep = new Tree { Name = "n", Children = ValueList.From(new[] { deep }) };
                Try("Validate()", () => Describe(deep.Validate()));
                Try("WriteTo", () =>
                {
                    using var writer = new Utf8JsonWriter(Stream.Null, new JsonWriterOptions { MaxDepth = 1_000_000 });
                    deep.WriteTo(writer);
                    return "written";
                });

                // A shallow tree still validates, breaks its rules where it should, and writes.
                var small = new Tree { Name = "a", Children = ValueList.From(new[] { new Tree { Name = "" } }) };
                Try("small Validate()", () => Describe(small.Validate()));
                Try("small WriteTo", () =>
                {
                    var buffer = new MemoryStream();
                    using (var writer = new Utf8JsonWriter(buffer)) small.WriteTo(writer);
                    return Encoding.UTF8.GetString(buffer.ToArray());
                });
            }

            private static string Describe(ValidationResult result)
            {
                if (result.IsValid) return "valid";
                var error = result.Errors.Single();
                var levels = error.Pointer.Split("/children/0").Length - 1;
                return levels > 100 ? error.Keyword + " more than 100 levels down" : error.Keyword + " at " + error.Pointer;
            }
        }
        """;

    [Fact]
    public void A_recursive_contract_reads_validates_and_writes_deep_values_on_a_small_stack_without_overflowing()
    {
        var schemas = ImmutableArray.Create(new TestAdditionalText("/consumer/Tree.schema.json", TreeSchema));
        // The registry lands in the runtime's namespace, as in Stagehand.Contracts itself; the tree in its own.
        var options = new TestOptionsProvider(
            new System.Collections.Generic.Dictionary<string, string> { [ContractsGenerator.RootNamespaceProperty] = "Stagehand.Contracts" },
            new System.Collections.Generic.Dictionary<string, System.Collections.Generic.IReadOnlyDictionary<string, string>>
            {
                ["/consumer/Tree.schema.json"] = new System.Collections.Generic.Dictionary<string, string> { [ContractsGenerator.NamespaceMetadata] = "Recursive.Contracts" },
            });
        // The contract-independent runtime: the wire readers, the runtime types and the registry.
        var runtime = new[] { "Wire", "Runtime", "Registry" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(RepositoryPaths.ContractsSource, folder), "*.cs"))
            .Concat(RepositoryPaths.LinkedIntoRuntime)
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), GeneratorHarness.ParseOptions, path))
            .Append(CSharpSyntaxTree.ParseText(Probe, GeneratorHarness.ParseOptions, "Probe.cs"));
        var compilation = CSharpCompilation.Create(
            "Recursive.Contracts",
            runtime,
            Basic.Reference.Assemblies.Net100.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, optimizationLevel: OptimizationLevel.Release));
        GeneratorHarness.CreateDriver(schemas, options).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        Assert.Empty(diagnostics);
        Assert.Contains(output.SyntaxTrees, tree => tree.FilePath.EndsWith("Tree.g.cs", StringComparison.Ordinal));

        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(20)));

        var context = new AssemblyLoadContext("RecursiveContract", isCollectible: true);
        try
        {
            image.Position = 0;
            var assembly = context.LoadFromStream(image);
            var outcomes = (string[])assembly.GetType("Recursive.Contracts.Probe")!.GetMethod("Run", BindingFlags.Public | BindingFlags.Static)!.Invoke(null, null)!;

            Assert.Equal(
                new[]
                {
                    "Validate: maxDepth more than 100 levels down",
                    "TryParse: maxDepth more than 100 levels down",
                    "Validate(): maxDepth more than 100 levels down",
                    "WriteTo: threw InsufficientExecutionStackException",
                    "small Validate(): minLength at /children/0/name",
                    """small WriteTo: {"name":"a","children":[{"name":""}]}""",
                },
                outcomes);
        }
        finally
        {
            context.Unload();
        }
    }
}
