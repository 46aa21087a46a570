package bench.plain;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The ceiling: a plain Spring Boot app whose one endpoint reads the body and answers 200. */
@SpringBootApplication
@RestController
public class PlainApplication {

	public static void main(String[] args) {
		SpringApplication.run(PlainApplication.class, args);
	}

	@PostMapping("/webhooks/meta")
	ResponseEntity<Void> receive(@RequestBody byte[] body) {
		return ResponseEntity.ok().build();
	}

}
