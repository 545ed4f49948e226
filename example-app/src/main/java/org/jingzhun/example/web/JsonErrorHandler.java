package org.jingzhun.example.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error answers (错误响应) as the portal's JSON: a request Jetty refuses before the portal sees it (a
 * malformed URI, 400; a URI too long, 414; headers too large, 431) gets the same {@code {code, message, messageZh}}
 * body and security headers as every other answer, and never a stack trace or an HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {
    private final ObjectMapper json;

    JsonErrorHandler(ObjectMapper json) {
        this.json = json;
        setShowStacks(false);
        setShowCauses(false);
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) {
        HttpFields.Mutable headers = response.getHeaders();
        PortalServer.SECURITY_HEADERS.forEach(headers::put);
        headers.put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.write(true, ByteBuffer.wrap(body(code)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        PortalServer.SECURITY_HEADERS.forEach((k, v) -> fields.put(new HttpField(k, v)));
        fields.put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        return ByteBuffer.wrap(body(status));
    }

    private byte[] body(int status) {
        String code = switch (status) {
            case 400 -> "request.malformed";
            case 404 -> "request.not_found";
            case 414 -> "request.uri_too_long";
            case 431 -> "request.headers_too_large";
            default -> "request.refused";
        };
        String zh = switch (status) {
            case 400 -> "请求格式错误";
            case 404 -> "请求的资源不存在";
            case 414 -> "请求地址过长";
            case 431 -> "请求头过大";
            default -> "请求被拒绝";
        };
        String reason = HttpStatus.getMessage(status);
        try {
            return json.writeValueAsBytes(new PortalViews.ErrorBody(code, status + " " + reason, zh, null));
        } catch (JsonProcessingException e) {
            return ("{\"code\":\"" + code + "\"}").getBytes(StandardCharsets.UTF_8);
        }
    }
}
