package io.github.swfheartbeat.sample.web;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.swfheartbeat.sample.config.SampleProperties;
import io.github.swfheartbeat.sample.embedded.TaskTimeOuts;
import io.github.swfheartbeat.sample.transcode.TranscodeRegistry;
import io.github.swfheartbeat.sample.transcode.TranscodeView;
import io.github.swfheartbeat.sample.workflow.TranscodeJob;
import io.github.swfheartbeat.sample.workflow.TranscodeWorkflows;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * REST API of the transcodes: list, start, cancel through SWF, and — on the embedded endpoint —
 * time out a running task to lose it.
 */
@RestController
@RequestMapping("/api/transcodes")
class TranscodeController {

	private static final List<String> SAMPLE_VIDEOS = List.of("holiday.mp4", "keynote.mov", "trailer.mkv",
			"interview.mp4", "launch.webm", "tutorial.mp4");

	private final TranscodeWorkflows workflows;

	private final TranscodeRegistry registry;

	private final ObjectProvider<TaskTimeOuts> timeOuts;

	private final SampleProperties properties;

	private final AtomicInteger started = new AtomicInteger();

	TranscodeController(TranscodeWorkflows workflows, TranscodeRegistry registry, ObjectProvider<TaskTimeOuts> timeOuts,
			SampleProperties properties) {
		this.workflows = workflows;
		this.registry = registry;
		this.timeOuts = timeOuts;
		this.properties = properties;
	}

	@GetMapping
	List<TranscodeView> transcodes() {
		return this.registry.views();
	}

	@GetMapping("/{id}")
	TranscodeView transcode(@PathVariable String id) {
		return this.registry.view(id).orElseThrow(() -> notFound(id));
	}

	@PostMapping
	ResponseEntity<TranscodeView> start(@RequestBody(required = false) @Nullable StartTranscodeRequest request) {
		SampleProperties.Transcode defaults = this.properties.getTranscode();
		int number = this.started.getAndIncrement();
		String video = (request != null && request.video() != null) ? request.video()
				: SAMPLE_VIDEOS.get(number % SAMPLE_VIDEOS.size());
		int steps = (request != null && request.steps() != null) ? request.steps() : defaults.getSteps();
		Duration stepDuration = (request != null && request.stepMillis() != null)
				? Duration.ofMillis(request.stepMillis()) : defaults.getStepDuration();
		String id = this.workflows.start(TranscodeJob.of(video, steps, stepDuration));
		return ResponseEntity.created(URI.create("/api/transcodes/" + id)).body(transcode(id));
	}

	@PostMapping("/{id}/cancel")
	ResponseEntity<TranscodeView> cancel(@PathVariable String id) {
		TranscodeView transcode = transcode(id);
		if (!this.workflows.cancel(id)) {
			throw new ResponseStatusException(HttpStatus.CONFLICT, "Transcode " + id + " is " + transcode.state());
		}
		return ResponseEntity.accepted().body(transcode(id));
	}

	@PostMapping("/{id}/time-out")
	ResponseEntity<TranscodeView> timeOut(@PathVariable String id) {
		TranscodeView transcode = transcode(id);
		TaskTimeOuts timeOuts = this.timeOuts.getIfAvailable();
		if (timeOuts == null) {
			throw new ResponseStatusException(HttpStatus.CONFLICT,
					"Only the embedded SWF endpoint can time out a task on request");
		}
		if (!timeOuts.timeOut(id)) {
			throw new ResponseStatusException(HttpStatus.CONFLICT,
					"Transcode " + id + " has no running task (" + transcode.state() + ")");
		}
		return ResponseEntity.accepted().body(transcode(id));
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<String> badRequest(IllegalArgumentException ex) {
		return ResponseEntity.badRequest().body(ex.getMessage());
	}

	private static ResponseStatusException notFound(String id) {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "No transcode " + id);
	}

}
