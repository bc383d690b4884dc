using System;
using System.Buffers;
using System.Text;
using System.Text.Json;
using Stagehand.Contracts;
using Stagehand.Contracts.Caching;
using Stagehand.Contracts.V3;
using Stagehand.Contracts.V4;
using Stagehand.Sample.Contracts;

// 1. Records: an act request whose options carry a server-cache threshold, written with the wire names.
var request = new ActRequest
{
    Input = "click the sign-in button",
    Options = new ActOptions
    {
        Model = "openai/gpt-4.1-nano",
        ServerCache = new ServerCacheThreshold { Threshold = 3 },
    },
};
var cache = ServerCacheResolver.Resolve(request.Options, constructorDefaults: false);
request = cache.ApplyTo(request);
Console.WriteLine("act request: " + Write(request.WriteTo));
Console.WriteLine("cache: enabled=" + cache.Enabled + ", threshold=" + cache.Threshold);

// 2. Validation: a v4 LLM config read from JSON, and a create request that tries to set server-assigned members.
var llm = LLMConfig.Parse("""
    {"id":"6f1c0f7e-8e0b-4c41-9a3e-0f2b9c1d2e3f","source":"system-default","displayName":"Default LLM",
     "modelName":"openai/gpt-4.1-nano","baseUrl":null,"systemPrompt":null,"providerOptions":null,
     "createdAt":"2026-01-01T00:00:00Z","updatedAt":"2026-01-01T00:00:00Z"}
    """u8);
Console.WriteLine("llm: " + llm.ModelName + " (" + llm.Source.ToWireValue() + ")");
var attempt = LLMCreateRequest.Validate("""{"modelName":"openai/gpt-4.1","id":"6f1c0f7e-8e0b-4c41-9a3e-0f2b9c1d2e3f","source":"user"}"""u8);
Console.WriteLine("create request with server-assigned members:");
Console.WriteLine(attempt);

// 3. The sample's own schema, generated into Stagehand.Sample.Contracts.
var bookmark = Bookmark.Parse("""{"id":"0b6d2c5e-3f4a-4b8e-9c1d-2e3f4a5b6c7d","url":"https://example.com/","tags":["docs"]}"""u8);
Console.WriteLine("bookmark: " + bookmark.Url + " " + string.Join(",", bookmark.Tags));
Console.WriteLine("bookmark with a bad url: " + Bookmark.Validate("""{"id":"0b6d2c5e-3f4a-4b8e-9c1d-2e3f4a5b6c7d","url":"not a uri","tags":[""]}"""u8));

static string Write(Action<Utf8JsonWriter> write)
{
    var buffer = new ArrayBufferWriter<byte>();
    using (var writer = new Utf8JsonWriter(buffer))
    {
        write(writer);
    }

    return Encoding.UTF8.GetString(buffer.WrittenSpan);
}
