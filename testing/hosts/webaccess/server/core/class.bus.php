<?php
/* Collects the modules' replies for one zarafa.php request (WebAccess' Bus, without events). */
class Bus
{
	var $responses = array();

	function addData($data)
	{
		// A module may add its whole response more than once; the last copy is the complete one.
		$this->responses[$data['attributes']['id']] = $data;
	}

	function getData()
	{
		return array_values($this->responses);
	}
}
