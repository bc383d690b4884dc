using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Stagehand.Analyzers.Tests.Infrastructure;

namespace Stagehand.Analyzers.Tests;

/// <summary>
/// STH0007: a numbered C# name and OpenAPI's <c>nullable</c> read as an annotation are said, at their place, as
/// messages that stop nothing; the project's switch makes <c>nullable</c> mean "or null" and the note goes away.
/// </summary>
public sealed class SchemaNoteTests
{
    private const string Pet = """
        {
          "type": "object",
          "properties": {
            "model_name": { "type": "string" },
            "modelName": { "type": "string" },
            "owner": { "type": "string", "nullable": true }
          }
        }
        """;

    [Fact]
    public void ANumberedNameAndAnAnnotatedNullableAreNotedAndTheFileStillGenerates()
    {
        var diagnostics = AnalyzerRunner.BuildInline(("Pet.schema.json", Pet));

        Assert.All(diagnostics, d => Assert.Equal(("STH0007", DiagnosticSeverity.Info), (d.Id, d.Severity)));
        var renamed = Assert.Single(diagnostics, d => d.GetMessage().Contains("'ModelName2'", StringComparison.Ordinal));
        Assert.Equal(4, renamed.Location.GetLineSpan().StartLinePosition.Line);
        var nullable = Assert.Single(diagnostics, d => d.GetMessage().Contains("StagehandOpenApiNullable", StringComparison.Ordinal));
        Assert.Equal((5, 33), (nullable.Location.GetLineSpan().StartLinePosition.Line, nullable.Location.GetLineSpan().StartLinePosition.Character));
        Assert.Equal(2, diagnostics.Length);
    }

    [Fact]
    public void TheOpenApiSwitchReadsNullableAsOrNull()
    {
        var files = new[] { new TestAdditionalText("/inline/Pet.schema.json", Pet) };
        var withSwitch = AnalyzerRunner.Run(files, string.Empty, [new Stagehand.Analyzers.Rules.SchemaNoteAnalyzer()], globalOptions: new Dictionary<string, string> { ["build_property.StagehandOpenApiNullable"] = "true" });

        Assert.DoesNotContain(withSwitch, d => d.GetMessage().Contains("nullable", StringComparison.Ordinal));
        var file = Stagehand.Schema.SchemaReader.ReadFile("/inline/Pet.schema.json", Stagehand.Schema.SchemaFileSettings.Resolve(null, null, "Consumer", openApiNullable: "true"), Microsoft.CodeAnalysis.Text.SourceText.From(Pet));
        var owner = file.Root!.Properties.Single(p => p.Name == "owner").Schema;
        Assert.Equal(Stagehand.Schema.JsonTypes.String | Stagehand.Schema.JsonTypes.Null, owner.Types);
    }
}
