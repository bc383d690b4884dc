namespace Stagehand.Contracts;

/// <summary>One violation of a contract: where (a JSON Pointer), which keyword, and a plain message that never quotes the input.</summary>
/// <param name="Pointer">A JSON Pointer (RFC 6901) to the offending value; empty for the document itself.</param>
/// <param name="Keyword">The schema keyword the value broke (<c>type</c>, <c>required</c>, <c>additionalProperties</c>, <c>readOnly</c>, <c>json</c>, ...).</param>
/// <param name="Message">What is wrong, in plain words.</param>
public sealed record ValidationError(string Pointer, string Keyword, string Message)
{
    /// <summary>The error as <c>/pointer keyword: message</c>.</summary>
    public override string ToString() => (Pointer.Length == 0 ? "/" : Pointer) + " " + Keyword + ": " + Message;
}
