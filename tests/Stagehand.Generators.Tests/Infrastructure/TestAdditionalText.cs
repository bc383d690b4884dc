using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Stagehand.Generators.Tests.Infrastructure;

internal sealed class TestAdditionalText(string path, string text) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text);

    public override string Path { get; } = path;

    public string Content => text;

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}
