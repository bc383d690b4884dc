using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Stagehand.Analyzers.Infrastructure;
using Stagehand.Schema;

namespace Stagehand.Analyzers.Rules;

/// <summary>
/// STH0002: an internal schema that mirrors a public one (<c>x-stagehand-mirrors</c>) lacks a member the public one
/// requires, holds one with an incompatible type or nullability, or would reject (by its strictness) a member the
/// public one may carry.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MirrorDriftAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The STH0002 descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIdentifiers.MirrorDrift,
        title: "Mirror drift",
        messageFormat: "'{0}' mirrors '{1}' but {2}",
        category: RuleCategories.Schema,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "An internal schema that mirrors a public one must hold every member the public one requires, with a compatible type and nullability, and must not reject a member the public one may carry.",
        helpLinkUri: Infrastructure.Rules.HelpLinkBase + RuleIdentifiers.MirrorDrift + ".md");

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
            SchemaAnalysis.RegisterSchemaFileAction(start, SchemaAnalysis.GetSchemas(start.Options, start.CancellationToken), AnalyzeSchema));
    }

    private static void AnalyzeSchema(AdditionalFileAnalysisContext context, SchemaSet schemas, SchemaFile file)
    {
        var root = file.Root;
        if (root?.Mirrors is null || !file.IsInternal)
        {
            return;
        }

        var mirrorsLocation = (root.MirrorsLocation ?? root.Location.FirstCharacter()).ToLocation();
        var target = schemas.Resolve(file, root.Mirrors);
        if (target is null || target.Value.Node.Pointer.Length != 0)
        {
            var (path, _) = SchemaPaths.Resolve(file.Path, root.Mirrors);
            context.ReportDiagnostic(Diagnostic.Create(Rule, mirrorsLocation, file.RootTypeName, root.Mirrors,
                $"no schema root was found there: looked for '{path}' among the project's schema files"));
            return;
        }

        var publicFile = target.Value.File;
        var mirror = file.RootRecord;
        var original = publicFile.RootRecord;
        if (mirror is null || original is null)
        {
            // A file with problems gets STH0004 instead; a root that is not an object has no members to mirror.
            return;
        }

        var rejects = mirror.UnknownMembers == UnknownMemberHandling.Reject;
        foreach (var member in original.Members)
        {
            if (member.ClientOnly)
            {
                continue;
            }

            var held = mirror.Members.FirstOrDefault(m => m.WireName == member.WireName);
            if (held is null)
            {
                if (member.Required)
                {
                    var strictness = rejects ? ", and its strictness (unknown members rejected) refuses it" : string.Empty;
                    context.ReportDiagnostic(Diagnostic.Create(Rule, mirrorsLocation, file.RootTypeName, original.Type.Name,
                        $"lacks the member '{member.WireName}' that '{original.Type.Name}' requires{strictness}"));
                }
                else if (rejects)
                {
                    context.ReportDiagnostic(Diagnostic.Create(Rule, mirrorsLocation, file.RootTypeName, original.Type.Name,
                        $"rejects unknown members and lacks the optional member '{member.WireName}' of '{original.Type.Name}', so a value that carries it cannot be mirrored"));
                }

                continue;
            }

            var location = (root.Properties.FirstOrDefault(p => p.Name == member.WireName)?.NameLocation ?? root.Location.FirstCharacter()).ToLocation();
            if (!Compatible(member.Shape, held.Shape))
            {
                context.ReportDiagnostic(Diagnostic.Create(Rule, location, file.RootTypeName, original.Type.Name,
                    $"holds '{member.WireName}' as {Display(held.Shape)} where '{original.Type.Name}' has {Display(member.Shape)}"));
            }
            else if (member.Nullable && !held.Nullable)
            {
                context.ReportDiagnostic(Diagnostic.Create(Rule, location, file.RootTypeName, original.Type.Name,
                    $"cannot hold null in '{member.WireName}', which '{original.Type.Name}' allows to be null"));
            }
            else if (member.Required && !held.Required)
            {
                context.ReportDiagnostic(Diagnostic.Create(Rule, location, file.RootTypeName, original.Type.Name,
                    $"holds '{member.WireName}' as optional where '{original.Type.Name}' requires it"));
            }
        }
    }

    /// <summary>Whether a value of the public shape fits the internal shape.</summary>
    private static bool Compatible(ValueShape original, ValueShape mirror)
    {
        if (mirror.Kind == ValueKind.Any)
        {
            return true;
        }

        if (original.Kind != mirror.Kind)
        {
            return original.Kind == ValueKind.Int32 && mirror.Kind == ValueKind.Int64;
        }

        return original.Kind switch
        {
            ValueKind.Named => Equals(original.Named, mirror.Named),
            ValueKind.List or ValueKind.Map => Compatible(original.Element!, mirror.Element!) && (!original.ElementNullable || mirror.ElementNullable),
            ValueKind.Tuple => original.TupleItems.Count == mirror.TupleItems.Count
                && original.TupleItems.Zip(mirror.TupleItems, (o, m) => Compatible(o.Shape, m.Shape) && (!(o.Nullable || o.Optional) || m.Nullable || m.Optional)).All(ok => ok),
            _ => true,
        };
    }

    private static string Display(ValueShape shape) => shape.Kind switch
    {
        ValueKind.Named => "'" + shape.Named!.Name + "'",
        ValueKind.List => "a list of " + Display(shape.Element!),
        ValueKind.Map => "a map of " + Display(shape.Element!),
        ValueKind.Tuple => "a tuple of " + string.Join(", ", shape.TupleItems.Select(item => Display(item.Shape))),
        ValueKind.Any => "any JSON value",
        ValueKind.String => "a string",
        ValueKind.Boolean => "a boolean",
        ValueKind.Int32 => "a 32-bit integer",
        ValueKind.Int64 => "a 64-bit integer",
        ValueKind.Double => "a number",
        ValueKind.Guid => "a uuid",
        ValueKind.DateTimeOffset => "a date-time",
        ValueKind.Uri => "a uri",
        _ => shape.Kind.ToString(),
    };
}
