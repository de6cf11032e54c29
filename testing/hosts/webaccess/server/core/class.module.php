<?php
/*
 * The base class of request modules, with WebAccess' signatures (server/modules/
 * class.module.php). Its constructor is PHP 4-style as in WebAccess, so on PHP 8 a module must
 * call it itself; the MAPI helpers are left out (there is no store here).
 */
class Module
{
	var $id;
	var $entryid;
	var $data;
	var $responseData;
	var $errors;

	function Module($id, $data, $events = false)
	{
		$this->id = $id;
		$this->data = $data;
		$this->errors = array();
		$this->responseData = array();
		$this->responseData['attributes'] = array('name' => strtolower(get_class($this)), 'id' => $id);
		$this->responseData['action'] = array();
	}

	function execute()
	{
		return false;
	}

	function sendFeedback($success = false, $message = '')
	{
		$data = array('attributes' => array('type' => $success ? 'success' : 'error'));
		if (!$success) {
			$data['error'] = array('message' => $message);
		}
		$this->responseData['action'][] = $data;
		$GLOBALS['bus']->addData($this->responseData);
	}

	function getEntryID()
	{
		return false;
	}

	function getErrors()
	{
		return $this->errors;
	}

	function getData()
	{
		return $this->responseData;
	}

	function setData($data)
	{
		$this->data = $data;
	}

	function getId()
	{
		return $this->id;
	}

	function reset()
	{
		$this->data = array();
		$this->responseData = array();
		$this->responseData['attributes'] = array('name' => strtolower(get_class($this)), 'id' => $this->id);
		$this->responseData['action'] = array();
	}
}
