using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Stagehand.Generators.Tests.Infrastructure;
using Stagehand.Schema;

namespace Stagehand.Generators.Tests;

public sealed class IncrementalityTests
{
    private static readonly string[] TrackedSteps =
    [
        TrackingNames.SchemaFiles, TrackingNames.ParsedSchemas, TrackingNames.AllSchemas,
        TrackingNames.BuildResults, TrackingNames.ContractFiles, TrackingNames.SchemaProblems, TrackingNames.RootNamespace, TrackingNames.Registry,
    ];

    [Fact]
    public void EveryStepIsTracked()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.ProjectSchemas());

        Assert.All(TrackedSteps, step => Assert.Contains(step, result.TrackedSteps.Keys));
    }

    [Fact]
    public void UnrelatedCSharpEditLeavesEveryStepCachedOrUnchanged()
    {
        var compilation = GeneratorHarness.EmptyCompilation();
        var driver = GeneratorHarness.CreateDriver(GeneratorHarness.ProjectSchemas()).RunGenerators(compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Consumer { public sealed class Unrelated { } }", GeneratorHarness.ParseOptions));
        var second = GeneratorHarness.Single(driver.RunGenerators(edited));

        foreach (var step in TrackedSteps)
        {
            var reasons = second.TrackedSteps[step].SelectMany(run => run.Outputs).Select(output => output.Reason).Distinct().ToList();
            Assert.All(reasons, reason => Assert.True(
                reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                $"{step} was {reason} after an unrelated C# edit."));
        }

        Assert.All(
            second.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(run => run.Outputs),
            output => Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
    }

    [Fact]
    public void EditingADescriptionRegeneratesOnlyThatFile()
    {
        var modified = ModifiedAfterEdit("ServerCacheThreshold.schema.json", text => text.Replace("\"description\": \"", "\"description\": \"Edited. ", StringComparison.Ordinal));

        Assert.Equal(["v3.ServerCacheThreshold.g.cs"], modified);
    }

    [Fact]
    public void RenamingATypeRegeneratesOnlyTheFilesThatReferToIt()
    {
        var modified = ModifiedAfterEdit(
            "ServerCacheThreshold.schema.json",
            text => text.Replace("\"x-stagehand-visibility\"", "\"x-stagehand-typeName\": \"CacheThreshold\",\n  \"x-stagehand-visibility\"", StringComparison.Ordinal));

        var referrers = GeneratorHarness.ProjectSchemas()
            .Where(file => file.Content.Contains("ServerCacheThreshold.schema.json", StringComparison.Ordinal))
            .Select(file => SchemaPaths.Stem(file.Path))
            .Select(stem => "v3." + stem + ".g.cs")
            .Append("v3.ServerCacheThreshold.g.cs")
            .OrderBy(name => name, StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(referrers, modified);
        Assert.Contains("v3.ServerCacheSetting.g.cs", modified);
    }

    [Fact]
    public void TwoIdenticalRunsProduceEqualModels()
    {
        var first = BuildModels(GeneratorHarness.ProjectSchemas());
        var second = BuildModels(GeneratorHarness.ProjectSchemas());

        Assert.Equal(first.Length, second.Length);
        Assert.True(first.SequenceEqual(second));
        Assert.Equal(first.Select(r => r.GetHashCode()), second.Select(r => r.GetHashCode()));
    }

    [Fact]
    public void TheModelHoldsNoSymbolsSyntaxOrCompilation()
    {
        var forbidden = new[] { typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxTree), typeof(Compilation), typeof(SemanticModel), typeof(Location), typeof(AdditionalText) };
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var visitedTypes = new HashSet<Type>();

        foreach (var result in BuildModels(GeneratorHarness.ProjectSchemas()))
        {
            Walk(result, forbidden, seen, visitedTypes, "ContractBuildResult");
        }

        Assert.Contains(typeof(RecordSpec), visitedTypes);
        Assert.Contains(typeof(UnionSpec), visitedTypes);
        Assert.Contains(typeof(EnumSpec), visitedTypes);
        Assert.Contains(typeof(SchemaProblem).Assembly, visitedTypes.Select(t => t.Assembly));
    }

    private static ImmutableArray<ContractBuildResult> BuildModels(ImmutableArray<TestAdditionalText> files)
    {
        var documents = files
            .Select(file => SchemaReader.Read(file.Path, GeneratorHarness.NamespaceFor(file.Path), file.GetText()))
            .ToImmutableArray();
        return ContractModelBuilder.Build(documents);
    }

    private static string[] ModifiedAfterEdit(string fileName, Func<string, string> edit)
    {
        var schemas = GeneratorHarness.ProjectSchemas();
        var compilation = GeneratorHarness.EmptyCompilation();
        var driver = GeneratorHarness.CreateDriver(schemas, GeneratorHarness.OptionsFor(schemas)).RunGenerators(compilation);

        var original = schemas.Single(file => file.Path.EndsWith("/v3/" + fileName, StringComparison.Ordinal));
        var replacement = new TestAdditionalText(original.Path, edit(original.Content));
        Assert.NotEqual(original.Content, replacement.Content);
        var second = GeneratorHarness.Single(driver.ReplaceAdditionalText(original, replacement).RunGenerators(compilation));

        Assert.Empty(second.Diagnostics);
        var outputs = second.TrackedSteps[TrackingNames.ContractFiles].SelectMany(run => run.Outputs).ToList();
        Assert.Equal(schemas.Length, outputs.Count);
        return outputs
            .Where(output => output.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New)
            .Select(output => ((ContractFile)output.Value).HintName)
            .OrderBy(name => name, StringComparer.Ordinal)
            .ToArray();
    }

    private static void Walk(object? value, Type[] forbidden, HashSet<object> seen, HashSet<Type> visitedTypes, string path)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum)
        {
            return;
        }

        var type = value.GetType();
        Assert.False(forbidden.Any(f => f.IsAssignableFrom(type)), $"{path} holds a {type.Name}.");
        if (!type.IsValueType && !seen.Add(value))
        {
            return;
        }

        visitedTypes.Add(type);
        if (value is IEnumerable sequence)
        {
            var index = 0;
            foreach (var item in sequence)
            {
                Walk(item, forbidden, seen, visitedTypes, $"{path}[{index++}]");
            }

            if (type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true)
            {
                return;
            }
        }

        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            Walk(field.GetValue(value), forbidden, seen, visitedTypes, path + "." + field.Name);
        }
    }
}
