package io.github.swfheartbeat.sample.web;

import java.util.List;
import java.util.Map;

import io.github.swfheartbeat.sample.transcode.TranscodeView;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * Calls the running application over HTTP; answers of any status are returned, not thrown.
 */
final class SampleHttpClient {

	private final RestClient client;

	SampleHttpClient(int port) {
		this.client = RestClient.builder()
			.baseUrl("http://localhost:" + port)
			.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
			})
			.build();
	}

	TranscodeView start(int steps, long stepMillis) {
		return this.client.post()
			.uri("/api/transcodes")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("video", "test.mp4", "steps", steps, "stepMillis", stepMillis))
			.retrieve()
			.body(TranscodeView.class);
	}

	TranscodeView transcode(String id) {
		return this.client.get().uri("/api/transcodes/{id}", id).retrieve().body(TranscodeView.class);
	}

	List<TranscodeView> transcodes() {
		return this.client.get().uri("/api/transcodes").retrieve().body(new ParameterizedTypeReference<>() {
		});
	}

	int post(String path, Object... variables) {
		return this.client.post().uri(path, variables).retrieve().toBodilessEntity().getStatusCode().value();
	}

	int postJson(String path, Object body) {
		return this.client.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.toBodilessEntity()
			.getStatusCode()
			.value();
	}

	int status(String path, Object... variables) {
		return this.client.get().uri(path, variables).retrieve().toBodilessEntity().getStatusCode().value();
	}

	String get(String path) {
		return this.client.get().uri(path).retrieve().body(String.class);
	}

	Map<String, Object> json(String path) {
		return this.client.get().uri(path).retrieve().body(new ParameterizedTypeReference<>() {
		});
	}

}
